package io.concordat.kit.inbox;

import io.concordat.events.Topics;
import io.concordat.kit.kafka.KafkaClients;
import io.micronaut.context.annotation.Requires;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The records this service sent to dead-letter topics, read back from Kafka (the topics are the
 * record of them; nothing is copied into the database), and their re-drive: a record is applied
 * again exactly as the consumer would, deduplicated by its event id, so re-driving one that has
 * since been applied changes nothing.
 */
@Singleton
@Requires(bean = IdempotentConsumer.class)
public class DeadLetterArchive {

    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration READ_LIMIT = Duration.ofSeconds(20);

    /** One dead letter: where it is, where it came from, and why. */
    @Serdeable
    public record Entry(String topic, int partition, long offset, String origin, String eventId, String eventType,
                        String kind, String reason, String at) {
    }

    /** What a re-drive did. */
    public enum Outcome { APPLIED, ALREADY_APPLIED, FAILED }

    @Serdeable
    public record Redrive(Outcome outcome, String kind, String reason) {
    }

    private final IdempotentConsumer consumer;
    private final KafkaClients kafka;

    public DeadLetterArchive(IdempotentConsumer consumer, KafkaClients kafka) {
        this.consumer = consumer;
        this.kafka = kafka;
    }

    /** The dead-letter topics of the topics this service consumes. */
    public List<String> topics() {
        return consumer.topics().stream().map(Topics::deadLetter).sorted().toList();
    }

    /** Every dead letter this service wrote, oldest first in each topic and partition. */
    public List<Entry> list() {
        List<Entry> entries = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> reader = kafka.reader("dead-letter-reader")) {
            List<TopicPartition> partitions = new ArrayList<>();
            Map<String, List<PartitionInfo>> existing = reader.listTopics(Duration.ofSeconds(10));
            for (String topic : topics()) {
                existing.getOrDefault(topic, List.of()).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            if (partitions.isEmpty()) {
                return entries;
            }
            reader.assign(partitions);
            reader.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = reader.endOffsets(partitions);
            long deadline = System.nanoTime() + READ_LIMIT.toNanos();
            while (!caughtUp(reader, ends) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : reader.poll(POLL)) {
                    if (kafka.serviceName().equals(header(record, DeadLetters.CONSUMER).orElse(null))) {
                        entries.add(entry(record));
                    }
                }
            }
        }
        entries.sort(Comparator.comparing(Entry::topic).thenComparing(Entry::partition).thenComparing(Entry::offset));
        return entries;
    }

    /**
     * Reads one dead letter and applies it again. Empty when there is no dead letter of this
     * service at that place.
     */
    public Optional<Redrive> redrive(String deadLetterTopic, int partition, long offset) {
        if (!topics().contains(deadLetterTopic) || partition < 0 || offset < 0) {
            return Optional.empty();
        }
        Optional<ConsumerRecord<String, byte[]>> letter = read(deadLetterTopic, partition, offset);
        if (letter.isEmpty() || !kafka.serviceName().equals(header(letter.get(), DeadLetters.CONSUMER).orElse(null))) {
            return Optional.empty();
        }
        BatchApplier.Result result = consumer.redrive(asOriginal(letter.get()));
        if (!result.letters().isEmpty()) {
            BatchApplier.Letter failed = result.letters().get(0);
            return Optional.of(new Redrive(Outcome.FAILED, failed.kind().label(), failed.reason()));
        }
        return Optional.of(new Redrive(result.applied().isEmpty() ? Outcome.ALREADY_APPLIED : Outcome.APPLIED, null, null));
    }

    private Optional<ConsumerRecord<String, byte[]>> read(String topic, int partition, long offset) {
        try (KafkaConsumer<String, byte[]> reader = kafka.reader("dead-letter-redrive")) {
            TopicPartition place = new TopicPartition(topic, partition);
            if (reader.partitionsFor(topic, Duration.ofSeconds(10)).stream().noneMatch(p -> p.partition() == partition)) {
                return Optional.empty();
            }
            reader.assign(List.of(place));
            if (offset >= reader.endOffsets(List.of(place)).get(place)) {
                return Optional.empty();
            }
            reader.seek(place, offset);
            long deadline = System.nanoTime() + READ_LIMIT.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : reader.poll(POLL)) {
                    if (record.offset() == offset) {
                        return Optional.of(record);
                    }
                    if (record.offset() > offset) {
                        return Optional.empty();
                    }
                }
            }
            return Optional.empty();
        }
    }

    /** The record as it was on its own topic, so it is routed and recorded as it would have been. */
    private static ConsumerRecord<String, byte[]> asOriginal(ConsumerRecord<String, byte[]> letter) {
        String origin = header(letter, DeadLetters.ORIGIN).orElse("");
        String topic = origin.contains("/") ? origin.substring(0, origin.lastIndexOf('/'))
                : letter.topic().substring(0, letter.topic().length() - ".dlt".length());
        int partition = 0;
        long offset = 0;
        try {
            partition = Integer.parseInt(origin.substring(origin.lastIndexOf('/') + 1, origin.indexOf('@')));
            offset = Long.parseLong(origin.substring(origin.indexOf('@') + 1));
        } catch (RuntimeException unreadableOrigin) {
            // the place is only reported back; the event's id is what deduplicates it
        }
        RecordHeaders headers = new RecordHeaders();
        for (Header h : letter.headers()) {
            if (!h.key().startsWith("concordat_dlt_")) {
                headers.add(h);
            }
        }
        return new ConsumerRecord<>(topic, partition, offset, letter.timestamp(), TimestampType.CREATE_TIME,
                ConsumerRecord.NULL_SIZE, ConsumerRecord.NULL_SIZE, letter.key(), letter.value(), headers, Optional.empty());
    }

    private static boolean caughtUp(KafkaConsumer<String, byte[]> reader, Map<TopicPartition, Long> ends) {
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            if (reader.position(end.getKey()) < end.getValue()) {
                return false;
            }
        }
        return true;
    }

    private static Entry entry(ConsumerRecord<String, byte[]> record) {
        return new Entry(record.topic(), record.partition(), record.offset(),
                header(record, DeadLetters.ORIGIN).orElse(null), header(record, "ce_id").orElse(null),
                header(record, "ce_type").orElse(null), header(record, DeadLetters.KIND).orElse(null),
                header(record, DeadLetters.REASON).orElse(null), header(record, DeadLetters.AT).orElse(null));
    }

    private static Optional<String> header(ConsumerRecord<String, byte[]> record, String key) {
        Header h = record.headers().lastHeader(key);
        return h == null ? Optional.empty() : Optional.of(new String(h.value(), StandardCharsets.UTF_8));
    }
}
