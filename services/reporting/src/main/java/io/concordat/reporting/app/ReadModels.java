package io.concordat.reporting.app;

import io.concordat.kit.inbox.IdempotentConsumer;
import io.concordat.kit.tenancy.TenantTransactions;
import io.concordat.reporting.store.ReadModelStore;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Keeps the read models built by the current projections. At start-up, a service whose
 * projections changed ({@link #VERSION}), or whose last rebuild did not finish, rebuilds from
 * offset 0; a platform admin can ask for a rebuild at any time.
 */
@Singleton
@Requires(bean = IdempotentConsumer.class)
public class ReadModels {

    /** Raise when a projection changes what it writes, so every deployment rebuilds once. */
    public static final int VERSION = 3;

    private static final Logger LOG = LoggerFactory.getLogger(ReadModels.class);

    private final IdempotentConsumer consumer;
    private final ReadModelStore store;
    private final TenantTransactions transactions;
    private final Clock clock;

    public ReadModels(IdempotentConsumer consumer, ReadModelStore store, TenantTransactions transactions) {
        this.consumer = consumer;
        this.store = store;
        this.transactions = transactions;
        this.clock = Clock.systemUTC();
    }

    @EventListener
    void onStartup(StartupEvent event) {
        ReadModelStore.Build build = transactions.asPlatform(connection -> store.build().orElse(null));
        if (build == null || build.version() != VERSION || build.finishedAt() == null) {
            LOG.info("Read models were built by {}; rebuilding them with version {}", build, VERSION);
            rebuild();
        }
    }

    /** Empties the read models and applies every event again; completes when caught up. */
    public CompletableFuture<Void> rebuild() {
        Instant startedAt = clock.instant();
        return consumer.replayFromStart(connection -> store.clear(connection, VERSION, startedAt))
                .thenRun(() -> transactions.asPlatform(connection -> {
                    store.finished(clock.instant());
                    return null;
                }));
    }

    public boolean rebuilding() {
        return consumer.replaying();
    }

    /** The last build and a fingerprint of every read model, read as the platform. */
    public Status status() {
        return transactions.asPlatform(connection -> new Status(store.build().orElse(null), consumer.replaying(),
                store.fingerprints()));
    }

    public record Status(ReadModelStore.Build build, boolean rebuilding, List<ReadModelStore.Fingerprint> tables) {
    }
}
