package io.concordat.kit.inbox;

import io.concordat.events.CloudEventsKafka;
import io.concordat.events.MalformedEventException;
import io.concordat.kit.observability.KafkaTraceContext;
import io.opentelemetry.api.trace.Tracer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Applies a poll's records in one transaction. Every event id of the batch is recorded as
 * processed in one statement, and only those not seen before are applied. A batch is first applied
 * without savepoints (a savepoint per record costs two round trips, and more than 64 subtransactions
 * in one transaction slow every other session's snapshots); when a record fails for good the batch
 * is rolled back and applied again with a savepoint per record: the record that fails is rolled
 * back to its savepoint, un-recorded and returned as a dead letter, while the rest of the batch
 * commits. A transient failure rolls the whole batch back (it is thrown), to be tried again as a whole.
 *
 * <p>The tenant is set only when it changes ({@link Subscriptions#asPlatform}), and the writes
 * handlers gather ({@link io.concordat.kit.store.BatchedWrites}) are sent, a multi-row statement
 * each, at the end of the first pass, or after each record when there are savepoints, so a failing write still
 * belongs to one record.
 */
public final class BatchApplier {

    /** Runs work in one write transaction, committing when it returns. */
    @FunctionalInterface
    public interface Transaction {
        <T> T run(Supplier<T> work);
    }

    /** A record that will not be applied, and why. */
    public record Letter(ConsumerRecord<String, byte[]> record, FailureKind kind, String reason) {
    }

    /** What a batch did: the events applied, how many were repeats, what goes to the dead-letter topic. */
    public record Result(List<Delivered> applied, int duplicates, List<Letter> letters) {
    }

    private final Subscriptions subscriptions;
    private final InboxStore inbox;
    private final Transaction transaction;
    private final boolean savepointsFirst;
    private final Tracer tracer;

    public BatchApplier(Subscriptions subscriptions, InboxStore inbox, Transaction transaction) {
        this(subscriptions, inbox, transaction, false);
    }

    /** Handles each record in a consumer span of the trace that published it ({@link KafkaTraceContext#restore}). */
    public BatchApplier(Subscriptions subscriptions, InboxStore inbox, Transaction transaction, Tracer tracer) {
        this(subscriptions, inbox, transaction, false, tracer);
    }

    /**
     * @param savepointsFirst a savepoint per record from the first pass: for a batch applied inside
     *                        a transaction of the caller's, which a failed first pass would spoil
     */
    public BatchApplier(Subscriptions subscriptions, InboxStore inbox, Transaction transaction, boolean savepointsFirst) {
        this(subscriptions, inbox, transaction, savepointsFirst, KafkaTraceContext.NO_SPANS);
    }

    private BatchApplier(Subscriptions subscriptions, InboxStore inbox, Transaction transaction, boolean savepointsFirst,
                         Tracer tracer) {
        this.tracer = tracer;
        this.subscriptions = subscriptions;
        this.inbox = inbox;
        this.transaction = transaction;
        this.savepointsFirst = savepointsFirst;
    }

    /**
     * @throws RuntimeException a transient failure: nothing of the batch was committed
     */
    public Result apply(List<ConsumerRecord<String, byte[]>> records) {
        List<Letter> letters = new ArrayList<>();
        List<Delivered> delivered = new ArrayList<>();
        List<ConsumerRecord<String, byte[]>> sources = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                delivered.add(new Delivered(record.topic(), record.partition(), record.offset(),
                        CloudEventsKafka.fromRecord(record)));
                sources.add(record);
            } catch (MalformedEventException e) {
                letters.add(new Letter(record, FailureKind.UNDECODABLE, FailureKind.reason(e)));
            }
        }
        if (delivered.isEmpty()) {
            return new Result(List.of(), 0, letters);
        }
        try {
            return transaction.run(() -> applyAll(delivered, sources, letters, savepointsFirst));
        } catch (PoisonFound poison) {
            // rolled back whole; again, a savepoint each, so the poison goes alone and the rest commits
            return transaction.run(() -> applyAll(delivered, sources, letters, true));
        }
    }

    /** A record failed for good on the first pass, which has no savepoints: the batch goes again with them. */
    private static final class PoisonFound extends RuntimeException {
        PoisonFound(Throwable cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }

    private Result applyAll(List<Delivered> delivered, List<ConsumerRecord<String, byte[]>> sources, List<Letter> letters,
                            boolean savepoints) {
        List<Letter> failed = new ArrayList<>(letters);
        List<Delivered> applied = new ArrayList<>();
        try {
            inbox.beginBatch();
            Set<UUID> fresh = new HashSet<>(inbox.claim(distinctById(delivered)));
            int duplicates = 0;
            Tenant tenant = new Tenant();
            for (int i = 0; i < delivered.size(); i++) {
                Delivered d = delivered.get(i);
                if (!fresh.remove(d.event().id())) {
                    duplicates++;
                    continue;
                }
                Object mark = savepoints ? inbox.mark() : null;
                try {
                    tenant.next(d.event().authorityId());
                    // with the publishing request's trace current, so its trace id is in the handler's log lines
                    KafkaTraceContext.restore(tracer, sources.get(i), () -> {
                        subscriptions.apply(d.topic(), d.event(), tenant);
                        return null;
                    });
                    if (savepoints) {
                        // each record's gathered writes go before its savepoint is released, so a failure is its own
                        inbox.flushWrites();
                        inbox.release(mark);
                    }
                    applied.add(d);
                } catch (RuntimeException e) {
                    FailureKind kind = FailureKind.of(e);
                    if (kind.retried()) {
                        throw e;
                    }
                    if (!savepoints) {
                        throw new PoisonFound(e);
                    }
                    inbox.dropWrites();
                    inbox.rollbackTo(mark);
                    // the tenant set after the savepoint was rolled back with it
                    tenant.unknown();
                    inbox.forget(d.event().id());
                    failed.add(new Letter(sources.get(i), kind, FailureKind.reason(e)));
                }
            }
            if (!savepoints) {
                flushGathered();
            }
            return new Result(applied, duplicates, failed);
        } finally {
            inbox.endBatch();
        }
    }

    /** The writes the batch's platform handlers gathered, a statement each; any failure sends the batch round again. */
    private void flushGathered() {
        try {
            inbox.flushWrites();
        } catch (RuntimeException e) {
            if (FailureKind.of(e).retried()) {
                throw e;
            }
            throw new PoisonFound(e);
        }
    }

    /**
     * Sets the tenant for each handler only when it changes: a run of events whose handlers all act
     * as the platform sets it once. Writes gathered as the platform are sent before the tenant
     * becomes an authority, and an authority's handler's writes right after it, so each runs as
     * whom it was written for. A handler acting for an authority may change the tenant itself, so
     * after one the tenant is set again.
     */
    private final class Tenant implements Subscriptions.Scope {
        private UUID authority;
        private boolean platform;

        void next(UUID authorityId) {
            authority = authorityId;
        }

        void unknown() {
            platform = false;
        }

        @Override
        public void platform() {
            if (!platform) {
                inbox.flushWrites();
                inbox.actForPlatform();
                platform = true;
            }
        }

        @Override
        public void authority() {
            // what was gathered is the platform's, or the authority's handler before this one's
            inbox.flushWrites();
            platform = false;
            inbox.actFor(authority);
        }
    }

    private static List<Delivered> distinctById(List<Delivered> delivered) {
        Set<UUID> seen = new HashSet<>();
        return delivered.stream().filter(d -> seen.add(d.event().id())).toList();
    }
}
