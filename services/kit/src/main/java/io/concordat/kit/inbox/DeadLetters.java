package io.concordat.kit.inbox;

import io.concordat.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Sends records that will not be applied to their topic's dead-letter topic, unchanged, with
 * headers saying why ({@code concordat_dlt_reason}, {@code concordat_dlt_kind}), which consumer
 * gave up ({@code concordat_dlt_consumer}), from where ({@code concordat_dlt_origin}) and when.
 */
public final class DeadLetters {

    public static final String REASON = "concordat_dlt_reason";
    public static final String KIND = "concordat_dlt_kind";
    public static final String CONSUMER = "concordat_dlt_consumer";
    public static final String ORIGIN = "concordat_dlt_origin";
    public static final String AT = "concordat_dlt_at";

    private final Supplier<Producer<String, byte[]>> producers;
    private final String consumer;
    private final Clock clock;
    private Producer<String, byte[]> producer;

    public DeadLetters(Supplier<Producer<String, byte[]>> producers, String consumer, Clock clock) {
        this.producers = producers;
        this.consumer = consumer;
        this.clock = clock;
    }

    public static ProducerRecord<String, byte[]> letter(BatchApplier.Letter letter, String consumer, Clock clock) {
        ConsumerRecord<String, byte[]> record = letter.record();
        ProducerRecord<String, byte[]> out = new ProducerRecord<>(Topics.deadLetter(record.topic()), null,
                record.key(), record.value(), record.headers());
        out.headers().remove(REASON).remove(KIND).remove(CONSUMER).remove(ORIGIN).remove(AT);
        out.headers().add(REASON, utf8(letter.reason()));
        out.headers().add(KIND, utf8(letter.kind().label()));
        out.headers().add(CONSUMER, utf8(consumer));
        out.headers().add(ORIGIN, utf8(record.topic() + "/" + record.partition() + "@" + record.offset()));
        out.headers().add(AT, utf8(clock.instant().toString()));
        return out;
    }

    /**
     * Sends every letter and waits for the broker's acknowledgement.
     *
     * @throws IllegalStateException when any was not acknowledged: the caller must not move past them
     */
    public void send(List<BatchApplier.Letter> letters) {
        if (letters.isEmpty()) {
            return;
        }
        try {
            if (producer == null) {
                producer = producers.get();
            }
            List<Future<RecordMetadata>> acks = new ArrayList<>();
            for (BatchApplier.Letter letter : letters) {
                acks.add(producer.send(letter(letter, consumer, clock)));
            }
            for (Future<RecordMetadata> ack : acks) {
                ack.get(15, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dead-lettering", e);
        } catch (Exception e) {
            close();
            throw new IllegalStateException("could not dead-letter " + letters.size() + " records: " + e.getMessage(), e);
        }
    }

    public void close() {
        if (producer != null) {
            producer.close(java.time.Duration.ofSeconds(2));
            producer = null;
        }
    }

    static byte[] utf8(String s) {
        return String.valueOf(s).getBytes(StandardCharsets.UTF_8);
    }
}
