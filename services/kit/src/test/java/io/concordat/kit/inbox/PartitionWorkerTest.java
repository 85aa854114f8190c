package io.concordat.kit.inbox;

import io.concordat.events.EventTypes;
import io.concordat.events.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.concordat.kit.inbox.InboxFixtures.CODEC;
import static io.concordat.kit.inbox.InboxFixtures.record;
import static io.concordat.kit.inbox.InboxFixtures.vacancy;
import static org.junit.jupiter.api.Assertions.assertEquals;

class PartitionWorkerTest {

    private static final TopicPartition PARTITION = new TopicPartition(Topics.OPPORTUNITIES, 0);

    private final MockConsumer<String, byte[]> consumer = new MockConsumer<>(OffsetResetStrategy.EARLIEST);
    private final MockProducer<String, byte[]> producer =
            new MockProducer<>(true, new StringSerializer(), new ByteArraySerializer());
    private final InboxFixtures.MemoryInbox inbox = new InboxFixtures.MemoryInbox();
    private final List<Duration> pauses = new ArrayList<>();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private RuntimeException failNext;
    private boolean letterBoxAway;

    @BeforeEach
    void assign() {
        consumer.assign(List.of(PARTITION));
        consumer.updateBeginningOffsets(Map.of(PARTITION, 0L));
        consumer.updateEndOffsets(Map.of(PARTITION, 0L));
    }

    private PartitionWorker worker() {
        Subscriptions subscriptions = new Subscriptions(CODEC).event(EventTypes.VACANCY_POSTED, (vacancy, event) -> {
            if (failNext != null) {
                RuntimeException failure = failNext;
                failNext = null;
                throw failure;
            }
            if (vacancy.title().equals("poison")) {
                throw new IllegalArgumentException("no such grade");
            }
            inbox.effects.add(vacancy.title());
        });
        DeadLetters letters = new DeadLetters(() -> {
            if (letterBoxAway) {
                throw new IllegalStateException("broker away");
            }
            return producer;
        }, "reporting", Clock.systemUTC());
        return new PartitionWorker(0, consumer, Set.of(Topics.OPPORTUNITIES), new BatchApplier(subscriptions, inbox, inbox),
                letters, new ConsumerMetrics(meters, Clock.systemUTC()),
                new RetryBackoff(Duration.ofMillis(200), Duration.ofSeconds(10)), pauses::add);
    }

    private long nextOffset;

    private void add(String... titles) {
        for (String title : titles) {
            consumer.addRecord(record(vacancy(title), 0, nextOffset++));
        }
    }

    private long committed() {
        var offset = consumer.committed(Set.of(PARTITION)).get(PARTITION);
        return offset == null ? -1 : offset.offset();
    }

    @Test
    void offsetsAreCommittedAfterTheBatchIsApplied() {
        add("a", "b", "c");
        worker().pollOnce(Duration.ZERO);
        assertEquals(List.of("a", "b", "c"), inbox.effects);
        assertEquals(3, committed());
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicWithItsReasonAndTheConsumerMovesOn() {
        add("a", "poison", "c");
        worker().pollOnce(Duration.ZERO);
        assertEquals(List.of("a", "c"), inbox.effects);
        assertEquals(3, committed());
        ProducerRecord<String, byte[]> letter = producer.history().get(0);
        assertEquals(Topics.deadLetter(Topics.OPPORTUNITIES), letter.topic());
        assertEquals("rule", header(letter, DeadLetters.KIND));
        assertEquals("reporting", header(letter, DeadLetters.CONSUMER));
        assertEquals(Topics.OPPORTUNITIES + "/0@1", header(letter, DeadLetters.ORIGIN));
        assertEquals(1.0, meters.get("concordat.consumer.dead.lettered").tag("kind", "rule").counter().count());
    }

    @Test
    void aTransientFailureCommitsNothingSeeksBackAndTriesAgainAfterAPause() {
        add("a", "b");
        PartitionWorker worker = worker();
        failNext = new IllegalStateException("serialization", new SQLException("could not serialize", "40001"));
        worker.pollOnce(Duration.ZERO);
        assertEquals(-1, committed());
        assertEquals(0, consumer.position(PARTITION));
        assertEquals(List.of(Duration.ofMillis(200)), pauses);
        assertEquals(List.of(), producer.history(), "a transient failure is never dead-lettered");
    }

    @Test
    void whenTheDeadLetterTopicCannotBeReachedNothingIsCommittedAndTheBatchComesAgain() {
        add("a", "poison");
        letterBoxAway = true;
        PartitionWorker worker = worker();
        worker.pollOnce(Duration.ZERO);
        assertEquals(-1, committed());
        assertEquals(0, consumer.position(PARTITION));
        assertEquals(List.of("a"), inbox.effects, "what was applied stays, and is skipped as a repeat next time");
    }

    private static String header(ProducerRecord<String, byte[]> record, String key) {
        var h = record.headers().lastHeader(key);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    @Test
    void aBatchWithoutPoisonSendsNoDeadLetters() {
        add("a");
        worker().pollOnce(Duration.ZERO);
        assertEquals(List.of(), producer.history());
    }
}
