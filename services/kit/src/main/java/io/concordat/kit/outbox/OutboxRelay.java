package io.concordat.kit.outbox;

import io.concordat.events.CloudEventsKafka;
import io.concordat.events.EventEnvelope;
import io.concordat.kit.kafka.KafkaClients;
import io.concordat.kit.observability.KafkaTraceContext;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.TransactionOperations;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends committed outbox rows to Kafka and marks them sent.
 *
 * <p>Replicas of a service share the work by aggregate: a batch first takes a transaction-scoped
 * advisory lock ({@code pg_try_advisory_xact_lock}) on each record key (the aggregate id) among the
 * oldest unsent rows that no other relay holds, then reads and sends those aggregates' unsent rows
 * in outbox order. While one relay is sending an aggregate's rows no other relay can send any row
 * of it, and a relay always sends an aggregate's earliest unsent rows first, so each aggregate's
 * events reach Kafka in the order they were written however many relays run. A row is marked sent only
 * after Kafka acknowledged it (acks=all), so a crash between the two sends it again, and
 * consumers drop the repeat by event id. The relay sleeps on PostgreSQL {@code LISTEN} and is
 * woken by the commit of a new row, with a short poll as a safety net. A row written in a trace is
 * sent in a producer span of that trace, ended when Kafka acknowledged it ({@link KafkaTraceContext#publishing}).
 */
@Singleton
@Requires(property = "concordat.db.url")
@Requires(property = "concordat.outbox.relay.enabled", notEquals = "false")
public class OutboxRelay {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);
    private static final String CHANNEL = "concordat_outbox";
    /** The first half of the advisory lock's key: the relay's own space, apart from other advisory locks. */
    static final int LOCK_SPACE = 0x0c0d;
    /** The aggregates of the oldest unsent rows: those a batch tries to take. */
    private static final String CANDIDATES = """
            select distinct record_key from (select record_key from outbox where sent_at is null order by position limit ?) c""";
    /** Of those, the aggregates no other relay holds, now held by this transaction until it ends. */
    private static final String TAKE = """
            select k from unnest(?::text[]) k where pg_try_advisory_xact_lock(%d, hashtext(k))""".formatted(LOCK_SPACE);
    /**
     * The unsent rows of the aggregates held, read after taking them: any relay that held one
     * before has committed, so what it sent shows as sent, and what is left is each aggregate's
     * earliest unsent rows.
     */
    private static final String CLAIM = """
            select position, event_id, topic, record_key, source, event_type, occurred_at, authority_id, region_ids, data, trace_context
            from outbox where sent_at is null and record_key = any(?) order by position limit ? for update""";
    private static final String BACKLOG = """
            select count(*), coalesce(extract(epoch from now() - min(created_at)), 0) from outbox where sent_at is null""";
    private static final String MARK_SENT = "update outbox set sent_at = now() where position = any(?)";
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    private final TransactionOperations<Connection> transactions;
    private final DataSource dataSource;
    private final KafkaClients kafka;
    private final int batchSize;
    private final Duration idleWait;
    private final Tracer tracer;
    private final Counter sent;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong oldestAgeMillis = new AtomicLong();
    private long backlogReadAt;
    private volatile boolean running;
    private Thread thread;
    private KafkaProducer<String, byte[]> producer;
    private Connection listener;

    /** A relay made outside the context: it carries each row's trace context but starts no span of its own. */
    public OutboxRelay(TransactionOperations<Connection> transactions, DataSource dataSource, KafkaClients kafka,
                       MeterRegistry meters, int batchSize, Duration idleWait) {
        this(transactions, dataSource, kafka, meters, OpenTelemetry.noop(), batchSize, idleWait);
    }

    @Inject
    public OutboxRelay(TransactionOperations<Connection> transactions, DataSource dataSource, KafkaClients kafka,
                       MeterRegistry meters, OpenTelemetry openTelemetry,
                       @Value("${concordat.outbox.relay.batch-size:200}") int batchSize,
                       @Value("${concordat.outbox.relay.idle-wait:1s}") Duration idleWait) {
        this.tracer = openTelemetry.getTracer("io.concordat.outbox");
        this.transactions = transactions;
        this.dataSource = dataSource;
        this.kafka = kafka;
        this.batchSize = batchSize;
        this.idleWait = idleWait;
        this.sent = Counter.builder("concordat.outbox.sent").description("events sent from the outbox to Kafka")
                .register(meters);
        Gauge.builder("concordat.outbox.pending", pending, AtomicLong::get)
                .description("outbox rows not yet acknowledged by Kafka, as last seen by the relay").register(meters);
        Gauge.builder("concordat.outbox.backlog", backlog, AtomicLong::get)
                .description("unsent outbox rows, counted at most once a second").register(meters);
        Gauge.builder("concordat.outbox.oldest.age", oldestAgeMillis, a -> a.get() / 1000.0).baseUnit("seconds")
                .description("how long the oldest unsent outbox row has waited").register(meters);
    }

    @EventListener
    void onStartup(StartupEvent event) {
        start();
    }

    /** Starts sending; at start-up, or by hand for a relay made outside the context. */
    public synchronized void start() {
        if (thread != null) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    @EventListener
    void onShutdown(ShutdownEvent event) {
        stop();
    }

    @PreDestroy
    public synchronized void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(TimeUnit.SECONDS.toMillis(15));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }

    private void run() {
        Duration backoff = Duration.ofMillis(200);
        while (running) {
            try {
                int claimed;
                do {
                    claimed = sendBatch();
                    readBacklog();
                } while (claimed > 0 && running);
                backoff = Duration.ofMillis(200);
                awaitWakeUp();
            } catch (RuntimeException | SQLException e) {
                if (!running) {
                    break;
                }
                LOG.warn("Outbox relay could not send ({}); trying again in {} ms", rootMessage(e), backoff.toMillis());
                resetProducer();
                closeListener();
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
        Thread.interrupted(); // stopping: clear the interrupt so the producer can close cleanly
        resetProducer();
        closeListener();
    }

    /** Claims, sends and marks one batch in one transaction; returns how many rows it claimed. */
    int sendBatch() {
        return transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            List<Long> positions = new ArrayList<>();
            List<Future<RecordMetadata>> acks = new ArrayList<>();
            List<Span> spans = new ArrayList<>();
            java.sql.Array held = connection.createArrayOf("text", heldAggregates(connection).toArray());
            try (PreparedStatement claim = connection.prepareStatement(CLAIM)) {
                claim.setArray(1, held);
                claim.setInt(2, batchSize);
                try (ResultSet rs = claim.executeQuery()) {
                    while (rs.next()) {
                        positions.add(rs.getLong("position"));
                        EventEnvelope envelope = envelope(rs);
                        ProducerRecord<String, byte[]> record = CloudEventsKafka.toRecord(rs.getString("topic"), envelope);
                        spans.add(KafkaTraceContext.publishing(tracer, rs.getString("trace_context"), record));
                        acks.add(producer().send(record));
                    }
                }
                if (positions.isEmpty()) {
                    pending.set(0);
                    return 0;
                }
                producer().flush();
                for (Future<RecordMetadata> ack : acks) {
                    ack.get(15, TimeUnit.SECONDS);
                }
                try (PreparedStatement mark = connection.prepareStatement(MARK_SENT)) {
                    mark.setArray(1, connection.createArrayOf("bigint", positions.toArray()));
                    mark.executeUpdate();
                }
                spans.forEach(Span::end);
            } catch (SQLException e) {
                failed(spans, e);
                throw new OutboxException("outbox relay database error", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failed(spans, e);
                throw new OutboxException("interrupted while Kafka acknowledged the batch", e);
            } catch (Exception e) {
                failed(spans, e);
                throw new OutboxException("Kafka did not acknowledge the batch: " + rootMessage(e), e);
            }
            sent.increment(positions.size());
            pending.set(positions.size() == batchSize ? batchSize : 0);
            return positions.size();
        });
    }

    /** Ends the batch's publish spans as failed: the rows stay unsent and go again in spans of their own. */
    private static void failed(List<Span> spans, Exception e) {
        for (Span span : spans) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR);
            span.end();
        }
    }

    /**
     * Takes the aggregates of the oldest unsent rows that no other relay holds. The keys are taken
     * before any row is read, in a statement of their own: read in the same scan, a key released
     * part-way through it would let a later row of an aggregate in while an earlier one was passed over.
     */
    private List<String> heldAggregates(Connection connection) throws SQLException {
        List<String> candidates = new ArrayList<>();
        try (PreparedStatement find = connection.prepareStatement(CANDIDATES)) {
            find.setInt(1, batchSize);
            try (ResultSet rs = find.executeQuery()) {
                while (rs.next()) {
                    candidates.add(rs.getString(1));
                }
            }
        }
        List<String> held = new ArrayList<>();
        if (candidates.isEmpty()) {
            return held;
        }
        try (PreparedStatement take = connection.prepareStatement(TAKE)) {
            take.setArray(1, connection.createArrayOf("text", candidates.toArray()));
            try (ResultSet rs = take.executeQuery()) {
                while (rs.next()) {
                    held.add(rs.getString(1));
                }
            }
        }
        return held;
    }

    /** Counts the backlog and its oldest row's age, at most once a second (or at once when asked). */
    void readBacklog() {
        long now = System.nanoTime();
        if (now - backlogReadAt < 1_000_000_000L && backlogReadAt != 0) {
            return;
        }
        backlogReadAt = now;
        transactions.executeRead(status -> {
            try (PreparedStatement count = status.getConnection().prepareStatement(BACKLOG);
                 ResultSet rs = count.executeQuery()) {
                rs.next();
                backlog.set(rs.getLong(1));
                oldestAgeMillis.set((long) (rs.getDouble(2) * 1000));
                return null;
            } catch (SQLException e) {
                throw new OutboxException("cannot count the outbox backlog", e);
            }
        });
    }

    private static EventEnvelope envelope(ResultSet rs) throws SQLException {
        UUID[] regions = (UUID[]) rs.getArray("region_ids").getArray();
        return new EventEnvelope(rs.getObject("event_id", UUID.class), rs.getString("source"),
                rs.getString("event_type"),
                rs.getObject("occurred_at", java.time.OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC),
                rs.getString("record_key"), rs.getObject("authority_id", UUID.class), Arrays.asList(regions),
                rs.getBytes("data"));
    }

    private KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = kafka.producer("outbox");
        }
        return producer;
    }

    private void resetProducer() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(2));
            producer = null;
        }
    }

    /** Blocks until a new outbox row commits, or the idle wait passes. */
    private void awaitWakeUp() throws SQLException {
        if (listener == null) {
            // the raw pool, not the transaction-bound proxy: this connection lives outside any transaction
            listener = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
            listener.setAutoCommit(true);
            try (Statement s = listener.createStatement()) {
                s.execute("listen " + CHANNEL);
            }
        }
        listener.unwrap(PGConnection.class).getNotifications((int) idleWait.toMillis());
    }

    private void closeListener() {
        if (listener != null) {
            try {
                listener.close();
            } catch (SQLException e) {
                LOG.debug("closing the outbox listener connection failed", e);
            }
            listener = null;
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
