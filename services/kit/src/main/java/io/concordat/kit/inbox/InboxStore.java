package io.concordat.kit.inbox;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What the batch applier asks of the database, inside the batch's transaction: record event ids
 * as processed, mark and roll back to a point, and set whom a record's writes act for.
 */
public interface InboxStore {

    /**
     * Called first in each batch's transaction: holds, until it ends, the shared side of the lock a
     * rebuild's swap takes exclusively, so a swap waits for batches under way on every replica and
     * the next batches wait for it, then write to what it put in place.
     */
    void beginBatch();

    /**
     * Records every event's id as processed, in one statement, and returns the ids that were not
     * recorded before: only those are applied.
     */
    Set<UUID> claim(List<Delivered> events);

    /** Un-records an event whose effects were rolled back, so a re-drive can apply it. */
    void forget(UUID eventId);

    /** Sets the record's authority as the tenant, and acts for the platform no longer. */
    void actFor(UUID authorityId);

    /** Acts for the platform: for handlers subscribed {@link Subscriptions#asPlatform as the platform}. */
    void actForPlatform();

    /**
     * Sends the writes handlers gathered with {@link io.concordat.kit.store.BatchedWrites} since
     * the last flush, a multi-row statement each.
     */
    default void flushWrites() {
    }

    /** Forgets the writes gathered since the last flush: their record was rolled back. */
    default void dropWrites() {
    }

    /** Called last in each batch's transaction, whether it commits or not: handlers' writes run at once again. */
    default void endBatch() {
    }

    Object mark();

    void rollbackTo(Object mark);

    void release(Object mark);
}
