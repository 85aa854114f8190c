package io.concordat.bench;

import io.concordat.events.EventEnvelope;
import io.concordat.servers.PostgresServer;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.ByteBuffer;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Event-to-dashboard freshness: IndicatorReported events sent at a steady rate (200 a second by
 * default) to the hosting topic, each stamped with its send time as the event's time, and the
 * time until reporting has committed its effect (the {@code processed_at} reporting records in
 * the same transaction). Beside it, a bare Kafka producer and consumer on the same broker at the
 * same rate: the floor any consumer could reach.
 *
 * <p>The readings are of arrangements the benchmark agrees first, through the same topic, so the
 * topics stay consistent: a rebuild replays them without a failure.
 */
public final class DashboardFreshness {

    private static final int ARRANGEMENTS = 200;

    private DashboardFreshness() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = BenchSupport.arguments(args);
        String kafka = a.getOrDefault("kafka", "127.0.0.1:19092");
        int port = Integer.parseInt(a.getOrDefault("pg-port", "15432"));
        int rate = Integer.parseInt(a.getOrDefault("rate", "200"));
        int seconds = Integer.parseInt(a.getOrDefault("seconds", "60"));
        int events = rate * seconds;
        System.out.printf(Locale.ROOT, "%d events at %d a second%n", events, rate);

        Histogram floor = bareKafka(kafka, rate, events);
        Histogram reporting = throughReporting(kafka, port, rate, events);
        BenchSupport.report("bare Kafka produce to consume", floor);
        BenchSupport.report("event to dashboard (reporting)", reporting);
        BenchSupport.ratios("reporting/bare Kafka", reporting, floor);
    }

    private static Histogram throughReporting(String kafka, int port, int rate, int events) throws Exception {
        String run = Long.toHexString(System.currentTimeMillis());
        Map<UUID, Instant> sent = new LinkedHashMap<>();
        try (HostingEvents hosting = new HostingEvents(kafka)) {
            // the arrangements first, as hosting would publish them, and applied before the clock starts
            Map<UUID, Instant> agreed = new LinkedHashMap<>();
            for (int i = 0; i < ARRANGEMENTS; i++) {
                EventEnvelope event = hosting.agree(run, i);
                agreed.put(event.id(), Instant.now());
                hosting.send(event);
            }
            hosting.flush();
            applied(port, agreed);
            paced(rate, events, i -> {
                Instant now = Instant.now();
                EventEnvelope event = hosting.reading(run, i % ARRANGEMENTS, i % 50, "probe-" + i, now);
                sent.put(event.id(), now);
                return hosting.send(event);
            });
        }
        return applied(port, sent);
    }

    /** Waits until reporting has applied every event, and gives the time each took to its commit there. */
    private static Histogram applied(int port, Map<UUID, Instant> sent) throws Exception {
        Histogram h = new Histogram(3);
        try (Connection c = DriverManager.getConnection(PostgresServer.jdbcUrl(port, "reporting"), "postgres", "")) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
            Map<UUID, Instant> processed = new LinkedHashMap<>();
            while (processed.size() < sent.size() && System.nanoTime() < deadline) {
                Array ids = c.createArrayOf("uuid", sent.keySet().toArray());
                try (PreparedStatement q = c.prepareStatement(
                        "select event_id, processed_at from processed_event where event_id = any(?)")) {
                    q.setArray(1, ids);
                    try (ResultSet rs = q.executeQuery()) {
                        while (rs.next()) {
                            processed.put(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant());
                        }
                    }
                }
                Thread.sleep(200);
            }
            if (processed.size() < sent.size()) {
                throw new IllegalStateException("only " + processed.size() + " of " + sent.size() + " events applied in 5 minutes");
            }
            sent.forEach((id, at) -> h.recordValue(Math.max(0, Duration.between(at, processed.get(id)).toNanos() / 1_000)));
        }
        return h;
    }

    private static Histogram bareKafka(String kafka, int rate, int events) throws Exception {
        String topic = "concordat.bench.freshness";
        Histogram h = new Histogram(3);
        Map<String, Object> config = new LinkedHashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        try (KafkaProducer<String, byte[]> producer = producer(kafka);
             KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
            producer.send(new ProducerRecord<>(topic, "warm-up", new byte[8])).get();
            consumer.subscribe(List.of(topic));
            while (consumer.assignment().isEmpty()) {
                consumer.poll(Duration.ofMillis(100));
            }
            consumer.seekToEnd(consumer.assignment());
            consumer.poll(Duration.ofMillis(100));
            Thread sender = new Thread(() -> paced(rate, events, i -> producer.send(new ProducerRecord<>(topic,
                    Integer.toString(i % 50), ByteBuffer.allocate(8).putLong(System.nanoTime()).array()))));
            sender.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(events / rate + 60);
            while (h.getTotalCount() < events && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    long sentAt = ByteBuffer.wrap(record.value()).getLong();
                    h.recordValue(Math.max(0, (System.nanoTime() - sentAt) / 1_000));
                }
            }
            sender.join();
        }
        return h;
    }

    private static KafkaProducer<String, byte[]> producer(String kafka) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return new KafkaProducer<>(config);
    }

    /** Calls {@code send} for 0 .. events-1, spaced evenly at the rate. */
    private static void paced(int rate, int events, java.util.function.IntFunction<?> send) {
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime();
        for (int i = 0; i < events; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            send.apply(i);
        }
    }

    /** The same ids the region-dashboard bench wrote with PostgreSQL's md5(text)::uuid. */
    static UUID md5Uuid(String text) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("MD5").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            ByteBuffer b = ByteBuffer.wrap(d);
            return new UUID(b.getLong(), b.getLong());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
