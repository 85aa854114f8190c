package io.concordat.kit.kafka;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Makes the Kafka clients a service uses, configured once: producers wait for every in-sync
 * replica and are idempotent; consumers commit offsets themselves, after the effect is stored.
 */
@Singleton
public class KafkaClients {

    private final String bootstrapServers;
    private final String serviceName;

    public KafkaClients(@Value("${concordat.kafka.bootstrap-servers}") String bootstrapServers,
                        @Value("${micronaut.application.name}") String serviceName) {
        this.bootstrapServers = bootstrapServers;
        this.serviceName = serviceName;
    }

    public String serviceName() {
        return serviceName;
    }

    public KafkaProducer<String, byte[]> producer(String purpose) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, serviceName + "-" + purpose);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        // Fail a send within seconds when the broker is away, so the outbox keeps the event
        // and tries again, instead of a request thread waiting for minutes.
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return new KafkaProducer<>(config);
    }

    /** A consumer in the service's own group: one group per consuming service. */
    public KafkaConsumer<String, byte[]> consumer() {
        return consumer(0, 200);
    }

    /**
     * The {@code worker}th consumer of the service's group, polling up to {@code maxBatch} records
     * at once; the group shares the partitions among every worker of every replica.
     */
    public KafkaConsumer<String, byte[]> consumer(int worker, int maxBatch) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, serviceName);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, serviceName + "-consumer-" + worker);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxBatch);
        // a fuller fetch per poll makes fuller batches under load, without waiting when idle
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return new KafkaConsumer<>(config);
    }

    /** A consumer in no group, for reading topics by partition and offset (it commits nothing). */
    public KafkaConsumer<String, byte[]> reader(String purpose) {
        return reader(purpose, 500);
    }

    /** A reader polling up to {@code maxBatch} records at once. */
    public KafkaConsumer<String, byte[]> reader(String purpose, int maxBatch) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxBatch);
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, serviceName + "-" + purpose);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return new KafkaConsumer<>(config);
    }

    /**
     * A reader of the offsets the service's group has committed, on one connection until closed:
     * for a caller that asks again and again, as a rebuild waiting for the live consumer does.
     */
    public GroupOffsets groupOffsets() {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        // the group's id to read its offsets; never subscribing, it does not join the group
        config.put(ConsumerConfig.GROUP_ID_CONFIG, serviceName);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, serviceName + "-offsets");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return new GroupOffsets(new KafkaConsumer<>(config));
    }

    /** The service's group's committed offsets, read through one consumer that never joins the group. */
    public static final class GroupOffsets implements AutoCloseable {

        private final KafkaConsumer<String, byte[]> reader;

        private GroupOffsets(KafkaConsumer<String, byte[]> reader) {
            this.reader = reader;
        }

        /** The next record the group will read in each of {@code partitions}, 0 where it has committed none. */
        public Map<TopicPartition, Long> committed(Set<TopicPartition> partitions) {
            Map<TopicPartition, Long> committed = new HashMap<>();
            reader.committed(partitions, java.time.Duration.ofSeconds(10)).forEach((partition, offset) ->
                    committed.put(partition, offset == null ? 0L : offset.offset()));
            partitions.forEach(partition -> committed.putIfAbsent(partition, 0L));
            return committed;
        }

        @Override
        public void close() {
            reader.close(java.time.Duration.ofSeconds(5));
        }
    }
}
