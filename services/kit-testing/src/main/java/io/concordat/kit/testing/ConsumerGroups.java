package io.concordat.kit.testing;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Where a service's consumer group stands on the test broker: a test that compares figures before
 * and after something must first know every event already on the topics (other suites' too) has
 * been applied, not only its own.
 */
public final class ConsumerGroups {

    private ConsumerGroups() {
    }

    /** Whether {@code group} has committed, in every partition of {@code topics}, the partition's end. */
    public static boolean caughtUp(String group, Set<String> topics) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.kafkaBootstrapServers()))) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS).values().forEach(topic ->
                    topic.partitions().forEach(p -> latest.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.latest())));
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            var ends = admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
            return ends.entrySet().stream().allMatch(end -> end.getValue().offset() == 0
                    || committed.get(end.getKey()) != null && committed.get(end.getKey()).offset() >= end.getValue().offset());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }
}
