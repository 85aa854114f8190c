package io.concordat.kit.inbox;

import io.concordat.events.CloudEventsKafka;
import io.concordat.events.EventEnvelope;
import io.concordat.events.MalformedEventException;
import io.concordat.events.Topics;
import io.concordat.kit.kafka.KafkaClients;
import io.concordat.kit.observability.KafkaTraceContext;
import io.concordat.kit.tenancy.TenantTransactions;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Feeds every {@link EventHandler} of the service from Kafka, exactly once in effect.
 *
 * <p>For each record, one transaction records the event id in {@code processed_event} and runs
 * the handlers; a repeated id is skipped. Offsets are committed only after that transaction.
 * A handler failure is retried a bounded number of times, then the record goes to the topic's
 * dead-letter topic with the reason, and is never silently dropped; failures of the database
 * itself are retried until it returns, because they say nothing about the record.
 */
@Singleton
@Requires(bean = EventHandler.class)
@Requires(property = "concordat.db.url")
@Requires(property = "concordat.consumer.enabled", notEquals = "false")
public class IdempotentConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(IdempotentConsumer.class);
    private static final String RECORD = """
            insert into processed_event (event_id, event_type, topic) values (?, ?, ?) on conflict do nothing""";

    private final List<EventHandler> handlers;
    private final TenantTransactions transactions;
    private final KafkaClients kafka;
    private final int maxAttempts;
    private final Duration retryBackoff;
    private final Counter applied;
    private final Counter duplicates;
    private final Counter deadLettered;
    private final Timer lag;
    private final AtomicReference<Replay> replay = new AtomicReference<>();
    private volatile boolean running;
    private Thread thread;
    private KafkaConsumer<String, byte[]> consumer;
    private KafkaProducer<String, byte[]> deadLetters;

    public IdempotentConsumer(List<EventHandler> handlers, TenantTransactions transactions, KafkaClients kafka,
                              MeterRegistry meters,
                              @Value("${concordat.consumer.max-attempts:5}") int maxAttempts,
                              @Value("${concordat.consumer.retry-backoff:200ms}") Duration retryBackoff) {
        this.handlers = handlers;
        this.transactions = transactions;
        this.kafka = kafka;
        this.maxAttempts = maxAttempts;
        this.retryBackoff = retryBackoff;
        this.applied = Counter.builder("concordat.consumer.applied").register(meters);
        this.duplicates = Counter.builder("concordat.consumer.duplicates").register(meters);
        this.deadLettered = Counter.builder("concordat.consumer.dead.lettered").register(meters);
        this.lag = Timer.builder("concordat.consumer.freshness")
                .description("from an event's commit in its service to its effect committed here")
                .publishPercentiles(0.5, 0.95, 0.99).register(meters);
    }

    public Set<String> topics() {
        Set<String> topics = new TreeSet<>();
        handlers.forEach(h -> topics.addAll(h.topics()));
        return topics;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        running = true;
        consumer = kafka.consumer();
        consumer.subscribe(topics());
        thread = new Thread(this::run, "event-consumer");
        thread.setDaemon(true);
        thread.start();
        LOG.info("Consuming {} as group {}", topics(), kafka.serviceName());
    }

    @EventListener
    void onShutdown(ShutdownEvent event) {
        stop();
    }

    @PreDestroy
    void stop() {
        if (!running) {
            return;
        }
        running = false;
        consumer.wakeup();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(15));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Empties the service's read models with {@code clear} (run as the platform, in one
     * transaction) and applies every event of its topics again from offset 0. The future completes
     * when the consumer has caught up with the end each partition had when the replay began. Only
     * one replay runs at a time; the caller records that a rebuild is under way in the same
     * {@code clear} transaction, so a crash part-way through can start it again.
     *
     * @throws IllegalStateException when a replay is already under way
     */
    public CompletableFuture<Void> replayFromStart(Consumer<Connection> clear) {
        Replay next = new Replay(clear, new CompletableFuture<>());
        if (!replay.compareAndSet(null, next)) {
            throw new IllegalStateException("a replay is already under way");
        }
        return next.done;
    }

    /** Whether a replay from offset 0 is under way. */
    public boolean replaying() {
        return replay.get() != null;
    }

    private void run() {
        try {
            while (running) {
                startReplayIfAsked();
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
                Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
                for (TopicPartition partition : records.partitions()) {
                    for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
                        if (!running || !KafkaTraceContext.restore(record, () -> process(record))) {
                            // leave this partition here; the same record comes back on the next poll
                            consumer.seek(partition, record.offset());
                            break;
                        }
                        done.put(partition, new OffsetAndMetadata(record.offset() + 1));
                    }
                }
                commit(done);
                finishReplayIfCaughtUp();
            }
        } catch (WakeupException stopping) {
            LOG.debug("event consumer woken to stop");
        } finally {
            consumer.close(Duration.ofSeconds(5));
            if (deadLetters != null) {
                deadLetters.close(Duration.ofSeconds(2));
            }
        }
    }

    /** Runs on the consumer's thread, which alone may touch the Kafka consumer. */
    private void startReplayIfAsked() {
        Replay asked = replay.get();
        if (asked == null || asked.target != null || consumer.assignment().isEmpty()) {
            return;
        }
        try {
            transactions.asPlatform(connection -> {
                asked.clear.accept(connection);
                return null;
            });
        } catch (RuntimeException e) {
            replay.set(null);
            asked.done.completeExceptionally(e);
            return;
        }
        Set<TopicPartition> partitions = consumer.assignment();
        consumer.seekToBeginning(partitions);
        asked.target = consumer.endOffsets(partitions);
        LOG.info("Replaying {} from offset 0 up to {}", topics(), asked.target);
    }

    private void finishReplayIfCaughtUp() {
        Replay under = replay.get();
        if (under == null || under.target == null) {
            return;
        }
        for (Map.Entry<TopicPartition, Long> end : under.target.entrySet()) {
            if (consumer.position(end.getKey()) < end.getValue()) {
                return;
            }
        }
        replay.set(null);
        LOG.info("Replay of {} caught up", topics());
        under.done.complete(null);
    }

    private static final class Replay {
        private final Consumer<Connection> clear;
        private final CompletableFuture<Void> done;
        private volatile Map<TopicPartition, Long> target;

        private Replay(Consumer<Connection> clear, CompletableFuture<Void> done) {
            this.clear = clear;
            this.done = done;
        }
    }

    private void commit(Map<TopicPartition, OffsetAndMetadata> done) {
        if (done.isEmpty()) {
            return;
        }
        try {
            consumer.commitSync(done, Duration.ofSeconds(10));
        } catch (WakeupException e) {
            throw e;
        } catch (RuntimeException e) {
            // the effects are stored and deduplicated: a lost commit only means a harmless redelivery
            LOG.warn("Could not commit consumer offsets ({}); those records will be seen again and skipped", e.getMessage());
        }
    }

    /**
     * Applies one record, retrying as needed. Returns false when it could neither be applied nor
     * dead-lettered (the database or Kafka is away), so the caller must not move past it.
     */
    boolean process(ConsumerRecord<String, byte[]> record) {
        EventEnvelope event;
        try {
            event = CloudEventsKafka.fromRecord(record);
        } catch (MalformedEventException e) {
            return deadLetter(record, e);
        }
        int attempt = 0;
        while (running) {
            attempt++;
            try {
                if (applyOnce(record.topic(), event)) {
                    applied.increment();
                    lag.record(Duration.between(event.time().toInstant(), Instant.now()));
                } else {
                    duplicates.increment();
                }
                return true;
            } catch (RuntimeException e) {
                if (Transience.isTransient(e)) {
                    LOG.warn("Database unavailable applying {} ({}); waiting for it", event.id(), e.getMessage());
                    pause(Duration.ofSeconds(Math.min(10, attempt)));
                    continue;
                }
                if (attempt >= maxAttempts) {
                    LOG.error("Event {} ({}) failed {} times; sending it to the dead-letter topic", event.id(), event.type(),
                            attempt, e);
                    return deadLetter(record, e);
                }
                pause(retryBackoff.multipliedBy(attempt));
            }
        }
        return false;
    }

    /** Returns false when the event had already been applied. */
    private boolean applyOnce(String topic, EventEnvelope event) {
        return transactions.asAuthority(event.authorityId(), connection -> {
            if (!recordOnce(connection, topic, event)) {
                return false;
            }
            for (EventHandler handler : handlers) {
                if (handler.topics().contains(topic)) {
                    handler.handle(event, topic);
                }
            }
            return true;
        });
    }

    private static boolean recordOnce(Connection connection, String topic, EventEnvelope event) {
        try (PreparedStatement insert = connection.prepareStatement(RECORD)) {
            insert.setObject(1, event.id());
            insert.setString(2, event.type());
            insert.setString(3, topic);
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record event " + event.id() + " as processed", e);
        }
    }

    private boolean deadLetter(ConsumerRecord<String, byte[]> record, Exception reason) {
        ProducerRecord<String, byte[]> letter = new ProducerRecord<>(Topics.deadLetter(record.topic()), null,
                record.key(), record.value(), record.headers());
        letter.headers().add("concordat_dlt_reason", utf8(String.valueOf(reason.getMessage())));
        letter.headers().add("concordat_dlt_consumer", utf8(kafka.serviceName()));
        letter.headers().add("concordat_dlt_origin",
                utf8(record.topic() + "/" + record.partition() + "@" + record.offset()));
        try {
            if (deadLetters == null) {
                deadLetters = kafka.producer("dead-letters");
            }
            deadLetters.send(letter).get(15, TimeUnit.SECONDS);
            deadLettered.increment();
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            LOG.warn("Could not dead-letter {}: {}; it will be tried again", letter.headers(), e.getMessage());
            pause(Duration.ofSeconds(1));
            return false;
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
