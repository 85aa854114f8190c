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
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Keeps the read models built by the current projections, and rebuilds them where nobody sees it:
 * every topic from offset 0 into a shadow schema ({@code read_models_next}), by several replays side
 * by side each with a share of the partitions ({@code concordat.read-models.rebuild-workers}),
 * while dashboards keep answering from the current one and the live consumer keeps it up to date;
 * then, once the live consumer has read as far as the replays, with every
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

    private static final int SWAP_ATTEMPTS = 20;

    /** How long the swap waits for the current read models' readers before letting them through and trying again. */
    private static final java.time.Duration SWAP_LOCK_WAIT = java.time.Duration.ofMillis(500);

    /** How long a caught-up rebuild waits for the live consumer to read as far, before swapping anyway. */
    private static final java.time.Duration LIVE_WAIT = java.time.Duration.ofMinutes(30);

    /** Records a replay applies in one transaction. */
    private static final int REPLAY_BATCH = 2000;

    private static final Logger LOG = LoggerFactory.getLogger(ReadModels.class);

    private final IdempotentConsumer consumer;
    private final List<EventSubscriber> subscribers;
    private final InboxStore inbox;
    private final KafkaClients kafka;
    private final ReadModelStore store;
    private final TenantTransactions transactions;
    private final TransactionOperations<Connection> jdbc;
    private final DataSource dataSource;
    private final int rebuildWorkers;
    private final Clock clock = Clock.systemUTC();

    public ReadModels(IdempotentConsumer consumer, List<EventSubscriber> subscribers, InboxStore inbox,
                      KafkaClients kafka, ReadModelStore store, TenantTransactions transactions,
                      TransactionOperations<Connection> jdbc, DataSource dataSource,
                      @Value("${concordat.read-models.rebuild-workers:2}") int rebuildWorkers) {
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
        this.rebuildWorkers = rebuildWorkers;
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
        List<TopicReplay> replays = replays(projections.topics());
        try {
            catchUpTogether(replays, intoShadow);
            awaitLiveConsumer(replays);
            LOG.info("Rebuilt read models caught up ({} events, {} failed, {} replays); swapping them in",
                    applied(replays), replays.stream().mapToLong(TopicReplay::failed).sum(), replays.size());
            swapIn(replays, lastIntoShadow);
            LOG.info("Rebuilt read models in place ({} events) after {}", applied(replays),
                    java.time.Duration.between(startedAt, clock.instant()));
        } finally {
            replays.forEach(TopicReplay::close);
        }
        transactions.asPlatform(connection -> {
            store.dropOld();
            return null;
        });
    }

    /**
     * A replay per share of the topics' partitions, up to {@code rebuildWorkers}. Each aggregate's
     * events are in one partition and the projections come out the same whatever the order of
     * different aggregates' facts, so the shares can be applied side by side.
     */
    private List<TopicReplay> replays(Set<String> topics) {
        List<TopicReplay> replays = new ArrayList<>();
        KafkaConsumer<String, byte[]> first = kafka.reader("read-model-rebuild-1", REPLAY_BATCH);
        try {
            List<List<TopicPartition>> shares = TopicReplay.share(TopicReplay.partitionsOf(first, topics), rebuildWorkers);
            for (int i = 0; i < shares.size(); i++) {
                KafkaConsumer<String, byte[]> reader = i == 0 ? first : kafka.reader("read-model-rebuild-" + (i + 1), REPLAY_BATCH);
                replays.add(new TopicReplay(reader, shares.get(i), ReadModels::sleep));
            }
            return replays;
        } catch (RuntimeException e) {
            replays.forEach(TopicReplay::close);
            if (replays.isEmpty()) {
                first.close();
            }
            throw e;
        }
    }

    /** Each replay catches up on a thread of its own; returns when all have, throwing the first failure. */
    private static void catchUpTogether(List<TopicReplay> replays, BatchApplier applier) {
        if (replays.size() == 1) {
            replays.get(0).catchUp(applier);
            return;
        }
        ExecutorService threads = Executors.newFixedThreadPool(replays.size(), runnable -> {
            Thread thread = new Thread(runnable, "read-model-replay");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> running = replays.stream().<Future<?>>map(r -> threads.submit(() -> r.catchUp(applier))).toList();
            RuntimeException failure = null;
            for (Future<?> replay : running) {
                try {
                    replay.get();
                } catch (ExecutionException e) {
                    if (failure == null) {
                        failure = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while replaying", e);
                }
            }
            if (failure != null) {
                throw failure;
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /**
     * Waits until the live consumer has read as far as the replays have. A rebuild faster than the
     * live consumer would otherwise put in tables that hold later events' facts, on which the live
     * consumer then applies earlier events: a reading that was refused for an arrangement not yet
     * agreed, say, would then be applied, and the figures would differ from a rebuild's. Does not
     * wait when this replica consumes nothing (its consumer not started), nor past {@link #LIVE_WAIT}.
     */
    private void awaitLiveConsumer(List<TopicReplay> replays) {
        Map<TopicPartition, Long> reached = new HashMap<>();
        replays.forEach(replay -> reached.putAll(replay.mark().positions()));
        long deadline = System.nanoTime() + LIVE_WAIT.toNanos();
        try (KafkaClients.GroupOffsets offsets = kafka.groupOffsets()) {
            while (consumer.running()) {
                Map<TopicPartition, Long> live = offsets.committed(reached.keySet());
                long behind = reached.entrySet().stream().filter(p -> live.getOrDefault(p.getKey(), 0L) < p.getValue()).count();
                if (behind == 0) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    LOG.warn("The live consumer is still behind the rebuild in {} partitions after {}; swapping anyway", behind,
                            LIVE_WAIT);
                    return;
                }
                sleep(java.time.Duration.ofMillis(200));
            }
        }
    }

    private static long applied(List<TopicReplay> replays) {
        return replays.stream().mapToLong(TopicReplay::applied).sum();
    }

    /**
     * The last records into the shadow and the swap, in one transaction. A dashboard's read that
     * holds one read model while asking for the next can deadlock with the swap, which locks them
     * all; PostgreSQL then aborts one side. And while the swap waits for a long read, every new
     * read queues behind it; so it waits at most {@link #SWAP_LOCK_WAIT} and lets them through.
     * Either way the transaction is tried again from where the replays stood, since their records
     * were rolled back with it.
     */
    private void swapIn(List<TopicReplay> replays, BatchApplier lastIntoShadow) {
        for (int attempt = 1; ; attempt++) {
            List<TopicReplay.Mark> marks = replays.stream().map(TopicReplay::mark).toList();
            try {
                jdbc.executeWrite(status -> {
                    holdEveryBatch(status.getConnection());
                    replays.forEach(replay -> replay.catchUp(lastIntoShadow));
                    set(status.getConnection(), "select set_config('lock_timeout', '" + SWAP_LOCK_WAIT.toMillis() + "ms', true)");
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
                for (int i = 0; i < replays.size(); i++) {
                    replays.get(i).rewind(marks.get(i));
                }
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
