package io.concordat.kit.inbox;

import io.concordat.events.EventTypes;
import io.concordat.events.Topics;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.concordat.kit.inbox.InboxFixtures.CODEC;
import static io.concordat.kit.inbox.InboxFixtures.record;
import static io.concordat.kit.inbox.InboxFixtures.vacancy;
import static org.junit.jupiter.api.Assertions.assertEquals;

class TopicReplayTest {

    private static final TopicPartition P0 = new TopicPartition(Topics.OPPORTUNITIES, 0);

    private final InboxFixtures.MemoryInbox inbox = new InboxFixtures.MemoryInbox();
    private final List<Duration> pauses = new ArrayList<>();
    private RuntimeException failNext;

    private MockConsumer<String, byte[]> topicOf(String... titles) {
        MockConsumer<String, byte[]> reader = new MockConsumer<>(OffsetResetStrategy.EARLIEST);
        Node node = new Node(0, "localhost", 9092);
        reader.updatePartitions(Topics.OPPORTUNITIES,
                List.of(new PartitionInfo(Topics.OPPORTUNITIES, 0, node, new Node[0], new Node[0])));
        reader.updateBeginningOffsets(Map.of(P0, 0L));
        reader.updateEndOffsets(Map.of(P0, (long) titles.length));
        reader.schedulePollTask(() -> {
            for (int i = 0; i < titles.length; i++) {
                reader.addRecord(record(vacancy(titles[i]), 0, i));
            }
        });
        return reader;
    }

    private BatchApplier applier() {
        return new BatchApplier(new Subscriptions(CODEC).event(EventTypes.VACANCY_POSTED, (vacancy, event) -> {
            if (failNext != null) {
                RuntimeException failure = failNext;
                failNext = null;
                throw failure;
            }
            inbox.effects.add(vacancy.title());
        }), inbox, inbox);
    }

    @Test
    void everyRecordFromOffsetZeroToTheEndIsApplied() {
        MockConsumer<String, byte[]> reader = topicOf("a", "b", "c");
        try (TopicReplay replay = new TopicReplay(reader, Set.of(Topics.OPPORTUNITIES), pauses::add)) {
            replay.catchUp(applier());
            assertEquals(List.of("a", "b", "c"), inbox.effects);
            assertEquals(3, replay.applied());
            assertEquals(3, reader.position(P0));
        }
    }

    @Test
    void aTransientFailureSeeksBackAndTheBatchIsAppliedOnTheNextPoll() {
        MockConsumer<String, byte[]> reader = topicOf("a", "b");
        failNext = new IllegalStateException("lost", new SQLException("connection reset", "08006"));
        try (TopicReplay replay = new TopicReplay(reader, Set.of(Topics.OPPORTUNITIES), pauses::add)) {
            reader.schedulePollTask(() -> {
                reader.addRecord(record(vacancy("a"), 0, 0));
                reader.addRecord(record(vacancy("b"), 0, 1));
            });
            replay.catchUp(applier());
            assertEquals(List.of("a", "b"), inbox.effects);
            assertEquals(List.of(Duration.ofMillis(200)), pauses);
        }
    }

    @Test
    void rewindingToAMarkReadsTheRecordsAfterItAgainAndCountsThemOnce() {
        MockConsumer<String, byte[]> reader = topicOf("a", "b");
        try (TopicReplay replay = new TopicReplay(reader, Set.of(Topics.OPPORTUNITIES), pauses::add)) {
            TopicReplay.Mark start = replay.mark();
            replay.catchUp(applier());
            // the caller's transaction, which the records were applied in, rolled back
            inbox.effects.clear();
            inbox.processed.clear();
            replay.rewind(start);
            assertEquals(0, replay.applied());
            assertEquals(0, reader.position(P0));
            reader.schedulePollTask(() -> {
                reader.addRecord(record(vacancy("a"), 0, 0));
                reader.addRecord(record(vacancy("b"), 0, 1));
            });
            replay.catchUp(applier());
            assertEquals(List.of("a", "b"), inbox.effects);
            assertEquals(2, replay.applied());
        }
    }

    @Test
    void partitionsAreDealtIntoSharesThatEachHoldSomeAndTogetherHoldEveryOne() {
        List<TopicPartition> twelve = new ArrayList<>();
        for (int p = 0; p < 12; p++) {
            twelve.add(new TopicPartition(Topics.HOSTING, p));
        }
        List<List<TopicPartition>> shares = TopicReplay.share(twelve, 5);
        assertEquals(List.of(3, 3, 2, 2, 2), shares.stream().map(List::size).toList());
        assertEquals(Set.copyOf(twelve), shares.stream().flatMap(List::stream).collect(java.util.stream.Collectors.toSet()));
        assertEquals(2, TopicReplay.share(twelve.subList(0, 2), 4).size(), "no share is left empty");
        assertEquals(1, TopicReplay.share(twelve, 0).size(), "at least one share");
    }
}
