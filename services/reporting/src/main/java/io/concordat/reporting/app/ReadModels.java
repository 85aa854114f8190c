package io.concordat.reporting.app;

import io.concordat.kit.inbox.BatchApplier;
import io.concordat.kit.inbox.EventSubscriber;
import io.concordat.kit.inbox.IdempotentConsumer;
import io.concordat.kit.inbox.InboxStore;
import io.concordat.kit.inbox.JdbcInboxStore;
import io.concordat.kit.inbox.Subscriptions;
import io.concordat.kit.inbox.TopicReplay;
import io.concordat.kit.inbox.Transience;
import io.concordat.kit.kafka.KafkaClients;
import io.concordat.kit.tenancy.TenantTransactions;
import io.concordat.reporting.store.ReadModelStore;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Keeps the read models built by the current projections, and rebuilds them where nobody sees it:
 * every topic from offset 0 into a shadow schema ({@code read_models_next}) while dashboards keep
 * answering from the current one and the live consumer keeps it up to date; then, with every
 * replica's batches held, the last records into the shadow and the swap, in one transaction. One
 * replica rebuilds at a time: the one holding a PostgreSQL advisory lock.
 *
 * <p>At start-up a service whose projections changed ({@link #VERSION}), or whose last rebuild did
 * not finish, rebuilds; a platform admin can ask for a rebuild at any time.
 */
@Singleton
@Requires(bean = IdempotentConsumer.class)
public class ReadModels {

    /** Raise when a projection changes what it writes, so every deployment rebuilds once. */
    public static final int VERSION = 3;

    /** The second key of the advisory lock the rebuilding replica holds (first: the kit's lock space). */
    static final int REBUILD_LOCK = 2;

    private static final int SWAP_ATTEMPTS = 5;

    private static final Logger LOG = LoggerFactory.getLogger(ReadModels.class);

    private final IdempotentConsumer consumer;
    private final List<EventSubscriber> subscribers;
    private final InboxStore inbox;
    private final KafkaClients kafka;
    private final ReadModelStore store;
    private final TenantTransactions transactions;
    private final TransactionOperations<Connection> jdbc;
    private final DataSource dataSource;
    private final Clock clock = Clock.systemUTC();

    public ReadModels(IdempotentConsumer consumer, List<EventSubscriber> subscribers, InboxStore inbox,
                      KafkaClients kafka, ReadModelStore store, TenantTransactions transactions,
                      TransactionOperations<Connection> jdbc, DataSource dataSource) {
        this.consumer = consumer;
        // the projections only: the directory copies are the live consumer's, and a replay would add periods to them
        this.subscribers = subscribers.stream()
                .filter(s -> s.getClass().getPackageName().startsWith("io.concordat.reporting")).toList();
        this.inbox = inbox;
        this.kafka = kafka;
        this.store = store;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        ReadModelStore.Build build = transactions.asPlatform(connection -> store.build().orElse(null));
        if (build == null || build.version() != VERSION || build.finishedAt() == null) {
            LOG.info("Read models were built by {}; rebuilding them with version {}", build, VERSION);
            try {
                rebuild();
            } catch (IllegalStateException underWay) {
                LOG.info("Another replica is rebuilding the read models");
            }
        }
    }

    /**
     * Starts a rebuild on a thread of its own; the future completes when the rebuilt read models
     * are in place.
     *
     * @throws IllegalStateException when a rebuild is under way, here or in another replica
     */
    public CompletableFuture<Void> rebuild() {
        Connection lock = rebuildLock();
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                rebuildInShadow();
                done.complete(null);
            } catch (RuntimeException e) {
                LOG.error("The rebuild of the read models failed; the current ones stay in place", e);
                done.completeExceptionally(e);
            } finally {
                release(lock);
            }
        }, "read-model-rebuild");
        thread.setDaemon(true);
        thread.start();
        return done;
    }

    private void rebuildInShadow() {
        Instant startedAt = clock.instant();
        transactions.asPlatform(connection -> {
            store.started(VERSION, startedAt);
            store.prepareShadow();
            return null;
        });
        Subscriptions projections = consumer.subscriptionsOf(subscribers);
        BatchApplier intoShadow = new BatchApplier(projections, inbox, this::inShadow);
        // the last records go in the swap's own transaction, which a failed first pass would spoil
        BatchApplier lastIntoShadow = new BatchApplier(projections, inbox, this::inShadow, true);
        try (TopicReplay replay = new TopicReplay(kafka.reader("read-model-rebuild", 2000), projections.topics(),
                ReadModels::sleep)) {
            replay.catchUp(intoShadow);
            LOG.info("Rebuilt read models caught up ({} events, {} failed); swapping them in", replay.applied(),
                    replay.failed());
            swapIn(replay, lastIntoShadow);
            LOG.info("Rebuilt read models in place ({} events) after {}", replay.applied(),
                    java.time.Duration.between(startedAt, clock.instant()));
        }
        transactions.asPlatform(connection -> {
            store.dropOld();
            return null;
        });
    }

    /**
     * The last records into the shadow and the swap, in one transaction. A dashboard's read that
     * holds one read model while asking for the next can deadlock with the swap, which locks them
     * all; PostgreSQL then aborts one side. When it is the swap, the transaction is tried again from
     * where the replay stood, since its records were rolled back with it.
     */
    private void swapIn(TopicReplay replay, BatchApplier lastIntoShadow) {
        for (int attempt = 1; ; attempt++) {
            TopicReplay.Mark mark = replay.mark();
            try {
                jdbc.executeWrite(status -> {
                    holdEveryBatch(status.getConnection());
                    replay.catchUp(lastIntoShadow);
                    store.swap();
                    store.finished(clock.instant());
                    return null;
                });
                return;
            } catch (RuntimeException e) {
                if (!Transience.isTransient(e) || attempt == SWAP_ATTEMPTS) {
                    throw e;
                }
                LOG.warn("Swapping in the rebuilt read models failed ({}); trying again", e.getMessage());
                replay.rewind(mark);
                sleep(java.time.Duration.ofMillis(100L * attempt));
            }
        }
    }

    /** Runs a replayed batch with the shadow schema first on the search path, for this transaction only. */
    private <T> T inShadow(Supplier<T> work) {
        return jdbc.executeWrite(status -> {
            set(status.getConnection(), "select set_config('search_path', 'read_models_next, public', true)");
            return work.get();
        });
    }

    /** Waits for the batches under way on every replica, and holds the next ones until this transaction ends. */
    private static void holdEveryBatch(Connection connection) {
        set(connection, "select pg_advisory_xact_lock(" + JdbcInboxStore.LOCK_SPACE + ", " + JdbcInboxStore.BATCH_LOCK + ")");
    }

    /** Takes the rebuild lock on a connection of its own, held for the whole rebuild. */
    private Connection rebuildLock() {
        try {
            Connection connection = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
            connection.setAutoCommit(true);
            try (PreparedStatement take = connection.prepareStatement("select pg_try_advisory_lock(?, ?)")) {
                take.setInt(1, JdbcInboxStore.LOCK_SPACE);
                take.setInt(2, REBUILD_LOCK);
                try (ResultSet rs = take.executeQuery()) {
                    rs.next();
                    if (!rs.getBoolean(1)) {
                        connection.close();
                        throw new IllegalStateException("a rebuild is already under way");
                    }
                }
            }
            return connection;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot take the rebuild lock", e);
        }
    }

    private static void release(Connection lock) {
        try (lock; PreparedStatement unlock = lock.prepareStatement("select pg_advisory_unlock(?, ?)")) {
            unlock.setInt(1, JdbcInboxStore.LOCK_SPACE);
            unlock.setInt(2, REBUILD_LOCK);
            unlock.execute();
        } catch (SQLException e) {
            LOG.warn("Releasing the rebuild lock failed; closing its connection releases it", e);
        }
    }

    /** Whether any replica is rebuilding: whether the rebuild lock is held. */
    public boolean rebuilding() {
        return transactions.asPlatform(connection -> store.rebuildLockHeld(JdbcInboxStore.LOCK_SPACE, REBUILD_LOCK));
    }

    /** The last build and a fingerprint of every read model, read as the platform. */
    public Status status() {
        return transactions.asPlatform(connection -> new Status(store.build().orElse(null),
                store.rebuildLockHeld(JdbcInboxStore.LOCK_SPACE, REBUILD_LOCK), store.fingerprints()));
    }

    public record Status(ReadModelStore.Build build, boolean rebuilding, List<ReadModelStore.Fingerprint> tables) {
    }

    private static void set(Connection connection, String sql) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run " + sql, e);
        }
    }

    private static void sleep(java.time.Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
