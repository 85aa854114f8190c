package io.concordat.kit.inbox;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One consumer of the service's group, on its own thread, owning the partitions the group gives
 * it: polls, has each poll applied as one batch, dead-letters what will not apply, and commits the
 * offsets only after both. When a batch cannot be finished (a transient failure, or the
 * dead-letter topic unreachable) it seeks back to the batch's first records and waits, so nothing
 * is skipped; what was committed is skipped as a repeat when it comes again.
 */
public final class PartitionWorker implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(PartitionWorker.class);

    /** Waits between attempts; a test passes one that does not sleep. */
    @FunctionalInterface
    public interface Pause {
        void pause(Duration duration);
    }

    private final int id;
    private final Consumer<String, byte[]> consumer;
    private final Set<String> topics;
    private final BatchApplier applier;
    private final DeadLetters deadLetters;
    private final ConsumerMetrics metrics;
    private final RetryBackoff backoff;
    private final Pause pause;
    private volatile boolean running = true;

    public PartitionWorker(int id, Consumer<String, byte[]> consumer, Set<String> topics, BatchApplier applier,
                           DeadLetters deadLetters, ConsumerMetrics metrics, RetryBackoff backoff, Pause pause) {
        this.id = id;
        this.consumer = consumer;
        this.topics = topics;
        this.applier = applier;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.backoff = backoff;
        this.pause = pause;
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(topics);
            while (running) {
                pollOnce(Duration.ofMillis(500));
            }
        } catch (WakeupException stopping) {
            LOG.debug("partition worker {} woken to stop", id);
        } finally {
            consumer.close(Duration.ofSeconds(5));
            deadLetters.close();
        }
    }

    public void stop() {
        running = false;
        consumer.wakeup();
    }

    /** One poll, applied and committed; public for tests that drive a worker step by step. */
    public void pollOnce(Duration timeout) {
        ConsumerRecords<String, byte[]> records = consumer.poll(timeout);
        if (!records.isEmpty()) {
            applyAndCommit(records);
        }
        for (TopicPartition partition : consumer.assignment()) {
            consumer.currentLag(partition).ifPresent(lag -> metrics.lag(partition, lag));
        }
    }

    private void applyAndCommit(ConsumerRecords<String, byte[]> records) {
        List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>(records.count());
        Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            List<ConsumerRecord<String, byte[]>> own = records.records(partition);
            batch.addAll(own);
            next.put(partition, new OffsetAndMetadata(own.get(own.size() - 1).offset() + 1));
        }
        long started = System.nanoTime();
        BatchApplier.Result result;
        try {
            result = applier.apply(batch);
            deadLetters.send(result.letters());
        } catch (WakeupException e) {
            throw e;
        } catch (RuntimeException e) {
            Duration wait = backoff.failed();
            LOG.warn("Batch of {} records not applied ({}: {}); trying again in {} ms", batch.size(),
                    FailureKind.of(e).label(), e.getMessage(), wait.toMillis());
            seekBack(records);
            pause.pause(wait);
            return;
        }
        backoff.succeeded();
        for (BatchApplier.Letter letter : result.letters()) {
            LOG.error("Record {}/{}@{} sent to the dead-letter topic: {}", letter.record().topic(),
                    letter.record().partition(), letter.record().offset(), letter.reason());
            metrics.deadLettered(letter.kind(), 1);
        }
        metrics.batch(result, Duration.ofNanos(System.nanoTime() - started));
        try {
            consumer.commitSync(next, Duration.ofSeconds(10));
        } catch (WakeupException e) {
            throw e;
        } catch (RuntimeException e) {
            // the effects are stored and deduplicated: a lost commit only means a harmless redelivery
            LOG.warn("Could not commit consumer offsets ({}); those records will be seen again and skipped", e.getMessage());
        }
    }

    private void seekBack(ConsumerRecords<String, byte[]> records) {
        for (TopicPartition partition : records.partitions()) {
            if (consumer.assignment().contains(partition)) {
                consumer.seek(partition, records.records(partition).get(0).offset());
            }
        }
    }
}
