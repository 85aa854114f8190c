package io.concordat.reporting;

import io.concordat.events.CloudEventsKafka;
import io.concordat.events.EventEnvelope;
import io.concordat.events.EventType;
import io.concordat.events.EventTypes;
import io.concordat.events.Topics;
import io.concordat.events.hosting.v1.ArrangementAgreed;
import io.concordat.events.hosting.v1.IndicatorReported;
import io.concordat.kit.testing.Migrations;
import io.concordat.kit.testing.ServiceTestProperties;
import io.concordat.kit.testing.Superuser;
import io.concordat.kit.testing.TestServers;
import io.concordat.reporting.app.ReadModels;
import io.micronaut.serde.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The consumer's JVM killed with SIGKILL while it applies batches loses no event and applies none
 * twice: what was committed stays, the offsets not committed bring the rest again, and the
 * restarted consumer applies exactly the events the first had not committed.
 */
class ConsumerCrashIT {

    private static final int READINGS = 20_000;
    private static final Duration WAIT = Duration.ofMinutes(3);

    private final String service = "reporting-crash-" + Long.toHexString(System.nanoTime());
    private final String database = "reporting_crash";
    private final UUID host = UUID.randomUUID();
    private final UUID arrangement = UUID.randomUUID();

    @Test
    void aConsumerKilledMidBatchLosesNothingAndAppliesNothingTwice() throws Exception {
        var db = TestServers.database(database);
        Migrations.migrate(db, null);
        // built already, so the service starts consuming where its group left off rather than rebuilding
        Migrations.asSuperuser(db, "insert into read_model_build (id, version, started_at, finished_at) values (1, "
                + ReadModels.VERSION + ", now(), now()) on conflict (id) do update set version = excluded.version,"
                + " finished_at = excluded.finished_at");
        startGroupAtTheEnd();
        List<EventEnvelope> events = new ArrayList<>();
        events.add(envelope(EventTypes.ARRANGEMENT_AGREED, new ArrangementAgreed(arrangement, "Payroll shared",
                "support.payroll", host, List.of(), "PERMANENT", LocalDate.parse("2026-04-01"), null, null,
                "EQUAL_SHARES", List.of(), Instant.parse("2026-03-01T10:00:00Z"))));
        for (int i = 0; i < READINGS; i++) {
            events.add(envelope(EventTypes.INDICATOR_REPORTED, new IndicatorReported(arrangement, UUID.randomUUID(),
                    "Payslips on time", host, "2026-10", BigDecimal.valueOf(i), BigDecimal.TEN, "GREEN",
                    Instant.parse("2026-11-01T10:00:00Z"), null, null)));
        }
        publish(events);

        Process first = start(freePort());
        try {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (processed() < READINGS / 10 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        } finally {
            first.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, no commit, no clean close
        }
        long committedBeforeKill = processed();
        assertTrue(committedBeforeKill > 0 && committedBeforeKill < events.size(),
                "killed part-way: " + committedBeforeKill + " of " + events.size());

        int port = freePort();
        Process second = start(port);
        try {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (processed() < events.size() && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertEquals(events.size(), processed(), "every event applied");
            assertEquals(READINGS, Superuser.count(database,
                    "select count(*) from rpt_indicator_reading where arrangement_id = '" + arrangement + "'"));
            assertEquals(events.size() - committedBeforeKill, (long) appliedBy(port),
                    "the restarted consumer applied exactly what the killed one had not committed");
        } finally {
            second.destroy();
            second.waitFor();
        }
    }

    private long processed() {
        return Superuser.count(database, "select count(*) from processed_event");
    }

    private Process start(int port) throws IOException {
        Map<String, String> properties = new HashMap<>(ServiceTestProperties.of(database));
        properties.put("micronaut.server.port", String.valueOf(port));
        properties.put("micronaut.application.name", service);
        properties.put("concordat.outbox.relay.enabled", "false");
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-Xmx384m");
        properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-cp");
        command.add(Path.of("target", "classes").toAbsolutePath() + java.io.File.pathSeparator
                + Files.readString(Path.of("target", "runtime-classpath.txt")).trim());
        command.add(Application.class.getName());
        Path log = Path.of("target", service + ".log");
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
    }

    private static double appliedBy(int port) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> metrics = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/prometheus"))
                .build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("(?m)^concordat_consumer_applied_total(?:\\{[^}]*})? ([0-9.eE+]+)$").matcher(metrics.body());
        assertTrue(m.find(), "the applied counter is published");
        return Double.parseDouble(m.group(1));
    }

    /** Commits the end of every topic for the service's group, so only this test's events are new to it. */
    private void startGroupAtTheEnd() {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, service, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(Topics.TENANTS, Topics.OPPORTUNITIES, Topics.HOSTING)) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            Map<TopicPartition, OffsetAndMetadata> ends = new HashMap<>();
            consumer.endOffsets(partitions).forEach((p, end) -> ends.put(p, new OffsetAndMetadata(end)));
            consumer.commitSync(ends);
        }
    }

    private <T> EventEnvelope envelope(EventType<T> type, T data) {
        try {
            return new EventEnvelope(UUID.randomUUID(), "/concordat/hosting", type.type(), OffsetDateTime.now(ZoneOffset.UTC),
                    arrangement.toString(), host, List.of(), ObjectMapper.getDefault().writeValueAsBytes(data));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void publish(List<EventEnvelope> events) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
            events.forEach(event -> producer.send(CloudEventsKafka.toRecord(Topics.HOSTING, event)));
            producer.flush();
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
