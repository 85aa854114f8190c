package io.concordat.partnerevents;

import com.sun.net.httpserver.HttpServer;
import io.concordat.events.CloudEventsKafka;
import io.concordat.events.EventEnvelope;
import io.concordat.events.EventTypes;
import io.concordat.events.Topics;
import io.concordat.kit.testing.ApiCalls;
import io.concordat.kit.testing.Eventually;
import io.concordat.kit.testing.ServiceTestProperties;
import io.concordat.kit.testing.Superuser;
import io.concordat.kit.testing.TestDirectory;
import io.concordat.kit.testing.TestServers;
import io.concordat.kit.testing.TestTokens;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Webhook throughput and added latency, and the stream's latency, each beside its baseline:
 * {@code bench.events} events (2,000) of one council over {@code bench.aggregates} aggregates (200)
 * delivered to a receiver on 127.0.0.1, beside a bare loop posting the same bodies to the same
 * receiver; and the latency from publish to a Server-Sent Event, beside a bare Kafka consumer of
 * the same topic. Latencies run from the moment Kafka acknowledged the event (the publishing
 * service's outbox relay has then done its part) to its arrival.
 *
 * <p>Not part of the test command (its name is neither *Test nor *IT); run it with
 * {@code infra/bench/run partner-deliveries}. It starts its own PostgreSQL and Kafka.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PartnerDeliveryBench {

    private static final String DB = "partner_events";
    private static final int EVENTS = Integer.getInteger("bench.events", 2000);
    private static final int AGGREGATES = Integer.getInteger("bench.aggregates", 200);
    private static final int STREAMED = Integer.getInteger("bench.streamed", 200);

    private final UUID council = UUID.randomUUID();
    private final Map<String, Long> arrivals = new ConcurrentHashMap<>();
    private final AtomicInteger posts = new AtomicInteger();
    private HttpServer receiver;
    private EmbeddedServer server;
    private ApiCalls api;
    private KafkaProducer<String, byte[]> producer;

    @BeforeAll
    void start() {
        Map<String, Object> properties = new HashMap<>(ServiceTestProperties.of(DB));
        properties.put("concordat.partners.webhooks.allow-http", "true");
        properties.put("concordat.partners.webhooks.allow-loopback", "true");
        properties.put("concordat.partners.delivery.idle-wait", "20ms");
        server = ApplicationContext.run(EmbeddedServer.class, properties);
        api = new ApiCalls(server.getApplicationContext().createBean(HttpClient.class, server.getURL()));
        TestDirectory.registerAuthorities(DB, List.of(council));
        try {
            receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        receiver.setExecutor(Executors.newFixedThreadPool(16));
        receiver.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            if (id != null) {
                arrivals.putIfAbsent(id, System.nanoTime());
            }
            posts.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
        // the hosting topic may be new: wait until the service reads it
        String warm = publish(UUID.randomUUID().toString()).id().toString();
        Eventually.until("the service reading the topic", Duration.ofSeconds(120),
                () -> Superuser.count(DB, "select count(*) from event_log where event_id = '" + warm + "'") == 1);
    }

    @AfterAll
    void stop() {
        producer.close();
        server.close();
        receiver.stop(0);
    }

    private EventEnvelope publish(String subject) {
        EventEnvelope event = new EventEnvelope(UUID.randomUUID(), "/concordat/bench", EventTypes.RECHARGE_ISSUED.type(),
                OffsetDateTime.now(ZoneOffset.UTC), subject, council, List.of(),
                PartnerScenarios.golden(EventTypes.RECHARGE_ISSUED));
        try {
            producer.send(CloudEventsKafka.toRecord(Topics.HOSTING, event)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return event;
    }

    @Test
    void webhookDeliveriesBesideABarePostLoop() throws Exception {
        String url = "http://127.0.0.1:" + receiver.getAddress().getPort();
        byte[] body = PartnerScenarios.golden(EventTypes.RECHARGE_ISSUED);
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        long bareStart = System.nanoTime();
        List<Long> bareLatencies = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            long sent = System.nanoTime();
            http.send(HttpRequest.newBuilder(URI.create(url + "/bare")).header("webhook-id", "bare-" + i)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.discarding());
            bareLatencies.add(System.nanoTime() - sent);
        }
        double bareRate = EVENTS / seconds(System.nanoTime() - bareStart);

        String token = TestTokens.get().forPartner("partner-bench-" + council, council);
        api.post("/api/v1/partner-events/subscriptions", token,
                "{\"eventTypes\":[\"io.concordat.arrangement.*\"],\"webhookUrl\":\"" + url + "/hook\"}");
        Map<String, Long> published = new HashMap<>();
        long start = System.nanoTime();
        for (int i = 0; i < EVENTS; i++) {
            EventEnvelope event = publish("aggregate-" + (i % AGGREGATES));
            published.put(event.id().toString(), System.nanoTime());
        }
        long publishedAll = System.nanoTime();
        Eventually.until("every event delivered", Duration.ofMinutes(10), () -> arrivals.keySet().containsAll(published.keySet()));
        long last = published.keySet().stream().mapToLong(arrivals::get).max().orElseThrow();
        List<Long> latencies = published.entrySet().stream().map(e -> arrivals.get(e.getKey()) - e.getValue()).sorted().toList();
        System.out.printf("%nWEBHOOKS  %d events over %d aggregates to one endpoint on 127.0.0.1%n", EVENTS, AGGREGATES);
        System.out.printf("  bare POST loop:   %8.0f posts/s, per post p50 %6.2f ms  p95 %6.2f ms%n", bareRate,
                ms(percentile(bareLatencies, 50)), ms(percentile(bareLatencies, 95)));
        System.out.printf("  partner-events:   %8.0f deliveries/s (first publish to last delivery; publishing took %.1f s)%n",
                EVENTS / seconds(last - start), seconds(publishedAll - start));
        System.out.printf("  commit->delivery: p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms%n", ms(percentile(latencies, 50)),
                ms(percentile(latencies, 95)), ms(percentile(latencies, 99)));
    }

    @Test
    void streamLatencyBesideABareKafkaConsumer() throws Exception {
        String token = TestTokens.get().forPartner("partner-stream-bench-" + council, council);
        Map<String, Long> streamed = new ConcurrentHashMap<>();
        Map<String, Long> consumed = new ConcurrentHashMap<>();
        Thread sse = new Thread(() -> {
            try {
                HttpResponse<java.io.InputStream> response = java.net.http.HttpClient.newHttpClient().send(
                        HttpRequest.newBuilder(URI.create(server.getURL() + "/api/v1/partner-events/stream"))
                                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofInputStream());
                BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
                String line;
                while ((line = lines.readLine()) != null) {
                    int at = line.indexOf("\"id\":\"");
                    if (line.startsWith("data:") && at > 0) {
                        streamed.putIfAbsent(line.substring(at + 6, at + 42), System.nanoTime());
                    }
                }
            } catch (Exception stopped) {
                // the test ends the stream by ending
            }
        }, "bench-sse");
        sse.setDaemon(true);
        sse.start();
        Thread bare = new Thread(() -> {
            try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.kafkaBootstrapServers(),
                    ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID(),
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
                    ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                    ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
                consumer.subscribe(List.of(Topics.HOSTING));
                while (!Thread.currentThread().isInterrupted()) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                        consumed.putIfAbsent(CloudEventsKafka.fromRecord(record).id().toString(), System.nanoTime());
                    }
                }
            } catch (org.apache.kafka.common.errors.InterruptException stopped) {
                // done
            }
        }, "bench-kafka");
        bare.setDaemon(true);
        bare.start();
        Thread.sleep(5_000);
        Map<String, Long> published = new HashMap<>();
        for (int i = 0; i < STREAMED; i++) {
            EventEnvelope event = publish("stream-" + (i % 20));
            published.put(event.id().toString(), System.nanoTime());
            Thread.sleep(20);
        }
        Eventually.until("every event streamed and consumed", Duration.ofMinutes(2),
                () -> streamed.keySet().containsAll(published.keySet()) && consumed.keySet().containsAll(published.keySet()));
        bare.interrupt();
        List<Long> sseLatency = published.entrySet().stream().map(e -> streamed.get(e.getKey()) - e.getValue()).sorted().toList();
        List<Long> kafkaLatency = published.entrySet().stream().map(e -> consumed.get(e.getKey()) - e.getValue()).sorted().toList();
        System.out.printf("%nSTREAM  %d events, one every 20 ms%n", STREAMED);
        System.out.printf("  bare Kafka consumer:  p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms%n", ms(percentile(kafkaLatency, 50)),
                ms(percentile(kafkaLatency, 95)), ms(percentile(kafkaLatency, 99)));
        System.out.printf("  partner SSE stream:   p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms%n", ms(percentile(sseLatency, 50)),
                ms(percentile(sseLatency, 95)), ms(percentile(sseLatency, 99)));
        assertEquals(published.size(), sseLatency.size());
    }

    private static long percentile(List<Long> values, int p) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
