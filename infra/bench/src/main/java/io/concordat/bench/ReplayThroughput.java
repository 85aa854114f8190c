package io.concordat.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.concordat.events.CloudEventsKafka;
import io.concordat.events.EventEnvelope;
import io.concordat.events.Topics;
import io.concordat.servers.PostgresServer;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Replay: {@code --events} hosting events (default one million: arrangements, then readings of
 * them) produced through Kafka as the hosting service would, applied by reporting's live consumer,
 * then a rebuild from offset 0 through the API. Beside it, a bare kafka-clients consumer reading
 * the same topics from offset 0; and the national dashboard read every 100 ms throughout the
 * rebuild, its p99 reported.
 */
public final class ReplayThroughput {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> TOPICS = List.of(Topics.TENANTS, Topics.OPPORTUNITIES, Topics.HOSTING);

    private ReplayThroughput() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = BenchSupport.arguments(args);
        String kafka = a.getOrDefault("kafka", "127.0.0.1:19092");
        int port = Integer.parseInt(a.getOrDefault("pg-port", "15432"));
        String gateway = a.getOrDefault("gateway", "http://127.0.0.1:8080");
        String keycloak = a.getOrDefault("keycloak", "http://127.0.0.1:8180");
        int events = Integer.parseInt(a.getOrDefault("events", "1000000"));
        int perArrangement = 1000;
        String run = Long.toHexString(System.currentTimeMillis());

        long produceStart = System.nanoTime();
        UUID last = null;
        try (HostingEvents hosting = new HostingEvents(kafka)) {
            int arrangements = Math.max(1, events / perArrangement);
            for (int i = 0; i < arrangements; i++) {
                hosting.send(hosting.agree(run, i));
            }
            Instant at = Instant.parse("2026-11-01T10:00:00Z");
            for (int n = arrangements; n < events; n++) {
                EventEnvelope reading = hosting.reading(run, n % arrangements, n % 200, "2026-" + (n / 200), at);
                hosting.send(reading);
                last = reading.id();
            }
            hosting.flush();
        }
        double produceSeconds = (System.nanoTime() - produceStart) / 1e9;
        System.out.printf(Locale.ROOT, "produced %d hosting events through Kafka in %.1f s (%.0f/s)%n", events, produceSeconds,
                events / produceSeconds);

        long liveStart = System.nanoTime();
        awaitApplied(port, last);
        double liveSeconds = (System.nanoTime() - liveStart) / 1e9;
        System.out.printf(Locale.ROOT, "live consumer caught up %.1f s after the last send (%.0f events/s)%n", liveSeconds,
                events / (produceSeconds + liveSeconds));

        long[] bare = bareConsumer(kafka);
        System.out.printf(Locale.ROOT, "bare consumer: %d records of %s from offset 0 in %.1f s: %.0f records/s%n", bare[0],
                TOPICS, bare[1] / 1e9, bare[0] / (bare[1] / 1e9));

        String[] platform = {BenchSupport.signIn(keycloak, "platform.admin")};
        Histogram dashboard = new Histogram(3);
        AtomicBoolean rebuilding = new AtomicBoolean(true);
        HttpClient http = HttpClient.newHttpClient();
        Thread reader = new Thread(() -> {
            while (rebuilding.get()) {
                long t = System.nanoTime();
                try {
                    HttpResponse<String> r = http.send(get(gateway + "/api/v1/reporting/national/dashboard", platform[0]),
                            HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200) {
                        dashboard.recordValue((System.nanoTime() - t) / 1000);
                    }
                    Thread.sleep(100);
                } catch (Exception e) {
                    return;
                }
            }
        });
        HttpResponse<String> asked = http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/reporting/read-models/rebuild"))
                .header("Authorization", "Bearer " + platform[0]).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        if (asked.statusCode() != 202) {
            throw new IllegalStateException("rebuild refused: " + asked.statusCode() + " " + asked.body());
        }
        reader.start();
        JsonNode build;
        while (true) {
            Thread.sleep(1000);
            JsonNode status = JSON.readTree(http.send(get(gateway + "/api/v1/reporting/read-models", platform[0]),
                    HttpResponse.BodyHandlers.ofString()).body());
            build = status.get("build");
            if (!status.get("rebuilding").asBoolean() && build.hasNonNull("finishedAt")) {
                break;
            }
            if (BenchSupport.expired()) {
                platform[0] = BenchSupport.signIn(keycloak, "platform.admin");
            }
        }
        rebuilding.set(false);
        reader.join();
        Duration took = Duration.between(Instant.parse(build.get("startedAt").asText()),
                Instant.parse(build.get("finishedAt").asText()));
        System.out.printf(Locale.ROOT, "rebuild from offset 0: %d records in %.1f s: %.0f events/s (bare consumer %.0f/s)%n",
                bare[0], took.toMillis() / 1000.0, bare[0] / (took.toMillis() / 1000.0), bare[0] / (bare[1] / 1e9));
        BenchSupport.report("national dashboard during rebuild", dashboard);
    }

    private static HttpRequest get(String uri, String token) {
        return HttpRequest.newBuilder(URI.create(uri)).header("Authorization", "Bearer " + token).GET()
                .timeout(Duration.ofSeconds(30)).build();
    }

    private static void awaitApplied(int port, UUID last) throws Exception {
        try (Connection c = DriverManager.getConnection(PostgresServer.jdbcUrl(port, "reporting"), "postgres", "");
             PreparedStatement q = c.prepareStatement("select 1 from processed_event where event_id = ?")) {
            q.setObject(1, last);
            while (true) {
                try (ResultSet rs = q.executeQuery()) {
                    if (rs.next()) {
                        return;
                    }
                }
                Thread.sleep(500);
            }
        }
    }

    /** Reads every record of the topics from offset 0 with a bare consumer, decoding each; {records, nanos}. */
    private static long[] bareConsumer(String kafka) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : TOPICS) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long start = System.nanoTime();
            long records = 0;
            while (ends.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    CloudEventsKafka.fromRecord(record);
                    records++;
                }
            }
            return new long[] {records, System.nanoTime() - start};
        }
    }
}
