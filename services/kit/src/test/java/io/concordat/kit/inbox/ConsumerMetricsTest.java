package io.concordat.kit.inbox;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static io.concordat.kit.inbox.InboxFixtures.vacancy;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ConsumerMetricsTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ConsumerMetrics metrics = new ConsumerMetrics(meters, Clock.systemUTC());

    @Test
    void aBatchCountsItsAppliedEventsRepeatsAndFreshness() {
        Delivered one = new Delivered("t", 0, 0, vacancy("a"));
        metrics.batch(new BatchApplier.Result(List.of(one), 2, List.of()), Duration.ofMillis(5));
        assertEquals(1.0, meters.get("concordat.consumer.applied").counter().count());
        assertEquals(2.0, meters.get("concordat.consumer.duplicates").counter().count());
        assertEquals(1, meters.get("concordat.consumer.freshness").timer().count());
        assertEquals(3.0, meters.get("concordat.consumer.batch.size").summary().totalAmount());
    }

    @Test
    void lagIsAGaugePerPartition() {
        metrics.lag(new TopicPartition("concordat.hosting.v1", 3), 42);
        assertEquals(42.0, meters.get("concordat.consumer.lag").tag("partition", "3").gauge().value());
    }

    @Test
    void deadLettersAreCountedByKind() {
        metrics.deadLettered(FailureKind.ROW_LEVEL_SECURITY, 2);
        assertEquals(2.0, meters.get("concordat.consumer.dead.lettered").tag("kind", "row-level-security").counter().count());
    }
}
