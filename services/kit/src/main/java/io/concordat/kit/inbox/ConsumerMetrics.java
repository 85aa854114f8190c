package io.concordat.kit.inbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.common.TopicPartition;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The consumer's figures on {@code /prometheus}: events applied, repeats skipped, dead letters by
 * kind, batch sizes and times, freshness (an event's commit in its service to its effect committed
 * here) and the lag of each partition this instance owns.
 */
public final class ConsumerMetrics {

    private final MeterRegistry meters;
    private final Clock clock;
    private final Counter applied;
    private final Counter duplicates;
    private final Timer freshness;
    private final Timer batches;
    private final DistributionSummary batchSize;
    private final Map<FailureKind, Counter> deadLettered = new ConcurrentHashMap<>();
    private final Map<TopicPartition, AtomicLong> lag = new ConcurrentHashMap<>();

    public ConsumerMetrics(MeterRegistry meters, Clock clock) {
        this.meters = meters;
        this.clock = clock;
        this.applied = Counter.builder("concordat.consumer.applied").register(meters);
        this.duplicates = Counter.builder("concordat.consumer.duplicates").register(meters);
        this.freshness = Timer.builder("concordat.consumer.freshness")
                .description("from an event's commit in its service to its effect committed here")
                .publishPercentiles(0.5, 0.95, 0.99).register(meters);
        this.batches = Timer.builder("concordat.consumer.batch").description("applying one poll's records")
                .register(meters);
        this.batchSize = DistributionSummary.builder("concordat.consumer.batch.size").register(meters);
        // every kind that is dead-lettered is reported from the start, at 0, so an alert has a series to watch
        for (FailureKind kind : FailureKind.values()) {
            if (!kind.retried()) {
                deadLetterCounter(kind);
            }
        }
    }

    public void batch(BatchApplier.Result result, Duration took) {
        batches.record(took);
        batchSize.record(result.applied().size() + result.duplicates() + result.letters().size());
        applied.increment(result.applied().size());
        duplicates.increment(result.duplicates());
        var now = clock.instant();
        for (Delivered d : result.applied()) {
            freshness.record(Duration.between(d.event().time().toInstant(), now));
        }
    }

    public void deadLettered(FailureKind kind, int count) {
        deadLetterCounter(kind).increment(count);
    }

    private Counter deadLetterCounter(FailureKind kind) {
        return deadLettered.computeIfAbsent(kind, k -> Counter.builder("concordat.consumer.dead.lettered")
                .description("records sent to a dead-letter topic").tag("kind", k.label()).register(meters));
    }

    /** Records how many records the partition's end is ahead of this instance's position. */
    public void lag(TopicPartition partition, long records) {
        lag.computeIfAbsent(partition, p -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder("concordat.consumer.lag", value, AtomicLong::get).description("records behind the partition's end")
                    .tag("topic", p.topic()).tag("partition", Integer.toString(p.partition())).register(meters);
            return value;
        }).set(records);
    }

    public double applied() {
        return applied.count();
    }

    public double duplicates() {
        return duplicates.count();
    }

    public double deadLettered() {
        return deadLettered.values().stream().mapToDouble(Counter::count).sum();
    }
}
