package io.concordat.reporting;

import io.concordat.events.CloudEventsKafka;
import io.concordat.events.EventEnvelope;
import io.concordat.kit.kafka.KafkaClients;
import io.concordat.kit.outbox.OutboxRelay;
import io.concordat.kit.testing.ServiceTestProperties;
import io.concordat.kit.testing.TestServers;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Several outbox relays at once share the work and keep each aggregate's events in the order written. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutboxRelaysIT implements TestPropertyProvider {

    private static final int AGGREGATES = 50;
    private static final int EVENTS = 10_000;

    @Inject
    TransactionOperations<Connection> transactions;

    @Inject
    DataSource dataSource;

    @Inject
    KafkaClients kafka;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(ServiceTestProperties.of("reporting_relays"));
        // a consumer group of its own, so the other suites\' group still sees every event
        properties.put("micronaut.application.name", "reporting-relays");
        // this test runs its own relays
        properties.put("concordat.outbox.relay.enabled", "false");
        return properties;
    }

    @Test
    void twoRelaysAtOnceKeepEveryAggregatesEventsInOrder() throws Exception {
        String topic = "concordat.test.relay-order." + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.kafkaBootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 6, (short) 1))).all().get();
        }
        MeterRegistry meters = new SimpleMeterRegistry();
        OutboxRelay first = new OutboxRelay(transactions, dataSource, kafka, meters, 50, Duration.ofMillis(100));
        OutboxRelay second = new OutboxRelay(transactions, dataSource, kafka, new SimpleMeterRegistry(), 50,
                Duration.ofMillis(100));
        List<UUID> aggregates = new ArrayList<>();
        for (int i = 0; i < AGGREGATES; i++) {
            aggregates.add(UUID.randomUUID());
        }
        first.start();
        second.start();
        try {
            write(topic, aggregates);
            Map<String, List<Integer>> seen = read(topic);
            assertEquals(AGGREGATES, seen.size());
            for (Map.Entry<String, List<Integer>> aggregate : seen.entrySet()) {
                List<Integer> order = aggregate.getValue();
                assertEquals(EVENTS / AGGREGATES, order.size(), "every event of " + aggregate.getKey() + " arrived");
                for (int i = 0; i < order.size(); i++) {
                    assertEquals(i, order.get(i), "aggregate " + aggregate.getKey() + " out of order: " + order);
                }
            }
            assertTrue(meters.get("concordat.outbox.sent").counter().count() > 0, "the first relay sent some");
        } finally {
            first.stop();
            second.stop();
        }
    }

    /** Writes the events in transactions of 100, the aggregates interleaved, while the relays run. */
    private void write(String topic, List<UUID> aggregates) throws Exception {
        int[] next = new int[AGGREGATES];
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("""
                    insert into outbox (event_id, topic, record_key, source, event_type, occurred_at, authority_id, data)
                    values (?, ?, ?, '/concordat/test', 'io.concordat.test.counted.v1', ?, ?, ?)""")) {
                for (int n = 0; n < EVENTS; n++) {
                    int a = (n * 7) % AGGREGATES; // every 50 in a row cover each aggregate once, interleaved
                    insert.setObject(1, UUID.randomUUID());
                    insert.setString(2, topic);
                    insert.setString(3, aggregates.get(a).toString());
                    insert.setObject(4, OffsetDateTime.now(ZoneOffset.UTC));
                    insert.setObject(5, new UUID(0, 0));
                    insert.setBytes(6, ("{\"seq\":" + next[a]++ + "}").getBytes(StandardCharsets.UTF_8));
                    insert.addBatch();
                    if (n % 100 == 99) {
                        insert.executeBatch();
                        c.commit();
                    }
                }
            }
        }
        for (int count : next) {
            assertEquals(EVENTS / AGGREGATES, count, "the writer gave each aggregate the same number of events");
        }
    }

    /** Each aggregate's sequence numbers in the order Kafka holds them, repeats (a resend) left out. */
    private Map<String, List<Integer>> read(String topic) {
        Map<String, List<Integer>> seen = new HashMap<>();
        Set<UUID> ids = new HashSet<>();
        try (KafkaConsumer<String, byte[]> reader = kafka.reader("relay-order-check")) {
            List<TopicPartition> partitions = reader.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            reader.assign(partitions);
            reader.seekToBeginning(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (ids.size() < EVENTS && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : reader.poll(Duration.ofMillis(500))) {
                    EventEnvelope event = CloudEventsKafka.fromRecord(record);
                    if (ids.add(event.id())) {
                        String body = new String(event.data(), StandardCharsets.UTF_8);
                        int seq = Integer.parseInt(body.replaceAll("\\D", ""));
                        seen.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(seq);
                    }
                }
            }
        }
        assertEquals(EVENTS, ids.size(), "every event reached Kafka");
        return seen;
    }
}
