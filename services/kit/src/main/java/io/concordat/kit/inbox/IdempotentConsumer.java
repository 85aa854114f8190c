package io.concordat.kit.inbox;

import io.concordat.events.EventCodec;
import io.concordat.kit.kafka.KafkaClients;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.TransactionOperations;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Tracer;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Feeds every {@link EventSubscriber} and {@link EventHandler} of the service from Kafka, exactly
 * once in effect: {@code concordat.consumer.workers} consumers of the service's group, each on its
 * own thread with the partitions the group gives it ({@link PartitionWorker}); each poll applied as
 * one transaction with a savepoint per record ({@link BatchApplier}); what fails for good
 * dead-lettered at once, what fails for now tried again ({@link FailureKind}, {@link RetryBackoff});
 * rebuilds from offset 0 into other tables ({@link TopicReplay}); figures on {@code /prometheus} ({@link ConsumerMetrics}).
 */
@Singleton
@Requires(property = "concordat.db.url")
@Requires(property = "concordat.consumer.enabled", notEquals = "false")
public class IdempotentConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(IdempotentConsumer.class);

    private final EventCodec codec;
    private final Subscriptions subscriptions;
    private final TransactionOperations<Connection> jdbc;
    private final InboxStore inbox;
    private final KafkaClients kafka;
    private final ConsumerMetrics metrics;
    private final Tracer tracer;
    private final int workerCount;
    private final int maxBatch;
    private final Duration retryBackoff;
    private final boolean autostart;
    private final List<PartitionWorker> workers = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();

    public IdempotentConsumer(List<EventSubscriber> subscribers, List<EventHandler> handlers,
                              TransactionOperations<Connection> jdbc, InboxStore inbox,
                              KafkaClients kafka, MeterRegistry meters, JsonMapper json, OpenTelemetry openTelemetry,
                              @Value("${concordat.consumer.workers:1}") int workerCount,
                              @Value("${concordat.consumer.max-batch:500}") int maxBatch,
                              @Value("${concordat.consumer.retry-backoff:200ms}") Duration retryBackoff,
                              @Value("${concordat.consumer.autostart:true}") boolean autostart) {
        this.codec = new EventCodec(json);
        this.subscriptions = Subscriptions.of(codec, subscribers, handlers);
        this.jdbc = jdbc;
        this.inbox = inbox;
        this.kafka = kafka;
        this.metrics = new ConsumerMetrics(meters, Clock.systemUTC());
        this.tracer = openTelemetry.getTracer("io.concordat.consumer");
        this.workerCount = Math.max(1, workerCount);
        this.maxBatch = maxBatch;
        this.retryBackoff = retryBackoff;
        this.autostart = autostart;
    }

    public Set<String> topics() {
        return subscriptions.topics();
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (autostart) {
            start();
        }
    }

    /** Starts the workers; at start-up unless {@code concordat.consumer.autostart} is false. */
    public synchronized void start() {
        if (topics().isEmpty() || !threads.isEmpty()) {
            return;
        }
        BatchApplier applier = new BatchApplier(subscriptions, inbox, this::inTransaction, tracer);
        for (int n = 0; n < workerCount; n++) {
            int i = n;
            PartitionWorker worker = new PartitionWorker(i, kafka.consumer(i, maxBatch), topics(), applier,
                    new DeadLetters(() -> kafka.producer("dead-letters-" + i), kafka.serviceName(), Clock.systemUTC()),
                    metrics, new RetryBackoff(retryBackoff, Duration.ofSeconds(10)), IdempotentConsumer::sleep);
            Thread thread = new Thread(worker, "event-consumer-" + i);
            thread.setDaemon(true);
            workers.add(worker);
            threads.add(thread);
            thread.start();
        }
        LOG.info("Consuming {} as group {} with {} workers, batches of up to {}", topics(), kafka.serviceName(),
                workerCount, maxBatch);
    }

    /** Whether this replica's workers are consuming. */
    public synchronized boolean running() {
        return !threads.isEmpty();
    }

    private <T> T inTransaction(java.util.function.Supplier<T> work) {
        return jdbc.executeWrite(status -> work.get());
    }

    @EventListener
    void onShutdown(ShutdownEvent event) {
        stop();
    }

    @PreDestroy
    synchronized void stop() {
        workers.forEach(PartitionWorker::stop);
        for (Thread thread : threads) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(15));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        workers.clear();
        threads.clear();
    }

    /**
     * Routes to the given subscribers only, decoded as the consumer does: for a rebuild that applies
     * the topics again into other tables ({@link TopicReplay}).
     */
    public Subscriptions subscriptionsOf(List<EventSubscriber> subscribers) {
        return Subscriptions.of(codec, subscribers, List.of());
    }

    /** Applies one dead-lettered record again, as the workers would; for {@link DeadLetterArchive}. */
    BatchApplier.Result redrive(org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]> record) {
        return new BatchApplier(subscriptions, inbox, this::inTransaction, tracer).apply(List.of(record));
    }

    ConsumerMetrics metrics() {
        return metrics;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
