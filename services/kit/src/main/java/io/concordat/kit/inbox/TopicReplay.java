package io.concordat.kit.inbox;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads every partition of some topics from offset 0, with a consumer in no group (it commits
 * nothing, and the service's own consumer carries on meanwhile), and has each poll applied as one
 * batch by the {@link BatchApplier} it is given: for a rebuild into shadow tables. Records that fail for
 * good were dead-lettered by the live consumer already and are only counted here; a transient
 * failure seeks back and tries the batch again.
 */
public final class TopicReplay implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TopicReplay.class);

    private final Consumer<String, byte[]> reader;
    private final List<TopicPartition> partitions = new ArrayList<>();
    private final RetryBackoff backoff = new RetryBackoff(Duration.ofMillis(200), Duration.ofSeconds(10));
    private final PartitionWorker.Pause pause;
    private long applied;
    private long failed;

    /** Replays every partition of {@code topics}. */
    public TopicReplay(Consumer<String, byte[]> reader, Set<String> topics, PartitionWorker.Pause pause) {
        this(reader, partitionsOf(reader, topics), pause);
    }

    /** Replays {@code partitions} only: one of several replays sharing the topics, each on its own thread. */
    public TopicReplay(Consumer<String, byte[]> reader, List<TopicPartition> partitions, PartitionWorker.Pause pause) {
        this.reader = reader;
        this.pause = pause;
        this.partitions.addAll(partitions);
        reader.assign(this.partitions);
        reader.seekToBeginning(this.partitions);
    }

    /** Every partition of {@code topics}, as the broker has them now. */
    public static List<TopicPartition> partitionsOf(Consumer<String, byte[]> reader, Set<String> topics) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            reader.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
        }
        return partitions;
    }

    /**
     * {@code partitions} dealt into {@code shares} lists, as evenly as they go; none is empty, so
     * there are fewer shares than asked when there are fewer partitions. Each aggregate's records
     * are in one partition, so replays of different shares never apply one aggregate's records.
     */
    public static List<List<TopicPartition>> share(List<TopicPartition> partitions, int shares) {
        int count = Math.max(1, Math.min(shares, partitions.size()));
        List<List<TopicPartition>> dealt = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            dealt.add(new ArrayList<>());
        }
        for (int i = 0; i < partitions.size(); i++) {
            dealt.get(i % count).add(partitions.get(i));
        }
        return dealt;
    }

    /** Applies records with {@code applier} until every partition has reached the end it has when this is called. */
    public void catchUp(BatchApplier applier) {
        Map<TopicPartition, Long> ends = reader.endOffsets(partitions);
        while (!reached(ends)) {
            ConsumerRecords<String, byte[]> records = reader.poll(Duration.ofMillis(200));
            if (records.isEmpty()) {
                continue;
            }
            List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>(records.count());
            records.forEach(batch::add);
            try {
                BatchApplier.Result result = applier.apply(batch);
                applied += result.applied().size();
                failed += result.letters().size();
                backoff.succeeded();
            } catch (RuntimeException e) {
                Duration wait = backoff.failed();
                LOG.warn("Replayed batch of {} not applied ({}); trying again in {} ms", batch.size(), e.getMessage(),
                        wait.toMillis());
                for (TopicPartition partition : records.partitions()) {
                    reader.seek(partition, records.records(partition).get(0).offset());
                }
                pause.pause(wait);
            }
        }
    }

    private boolean reached(Map<TopicPartition, Long> ends) {
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            if (reader.position(end.getKey()) < end.getValue()) {
                return false;
            }
        }
        return true;
    }

    /** Where the reader is in every partition, and what it has counted: to go back to if the caller's transaction fails. */
    public Mark mark() {
        Map<TopicPartition, Long> positions = new java.util.HashMap<>();
        partitions.forEach(p -> positions.put(p, reader.position(p)));
        return new Mark(positions, applied, failed);
    }

    /** Goes back to a {@link #mark}: what was applied since was rolled back with the caller's transaction. */
    public void rewind(Mark mark) {
        mark.positions().forEach(reader::seek);
        applied = mark.applied();
        failed = mark.failed();
    }

    /** A place in every partition, with the counts at that place. */
    public record Mark(Map<TopicPartition, Long> positions, long applied, long failed) {
    }

    public long applied() {
        return applied;
    }

    /** Records that failed for good (already dead-lettered by the live consumer). */
    public long failed() {
        return failed;
    }

    @Override
    public void close() {
        reader.close(Duration.ofSeconds(5));
    }
}
