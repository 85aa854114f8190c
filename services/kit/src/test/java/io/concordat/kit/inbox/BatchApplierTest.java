package io.concordat.kit.inbox;

import io.concordat.events.EventEnvelope;
import io.concordat.events.EventTypes;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static io.concordat.kit.inbox.InboxFixtures.CODEC;
import static io.concordat.kit.inbox.InboxFixtures.garbage;
import static io.concordat.kit.inbox.InboxFixtures.record;
import static io.concordat.kit.inbox.InboxFixtures.vacancy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BatchApplierTest {

    private final InboxFixtures.MemoryInbox inbox = new InboxFixtures.MemoryInbox();

    private BatchApplier applier(String poisonTitle, RuntimeException failure) {
        Subscriptions subscriptions = new Subscriptions(CODEC).event(EventTypes.VACANCY_POSTED, (vacancy, event) -> {
            inbox.effects.add(vacancy.title());
            if (vacancy.title().equals(poisonTitle)) {
                throw failure;
            }
        });
        return new BatchApplier(subscriptions, inbox, inbox);
    }

    private static List<ConsumerRecord<String, byte[]>> batch(int size, int poisonAt) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            records.add(record(vacancy(i == poisonAt ? "poison" : "post " + i), 0, i));
        }
        return records;
    }

    @Test
    void aBatchIsAppliedInOneTransactionAndItsIdsClaimedInOneStatement() {
        BatchApplier.Result result = applier("none", null).apply(batch(50, -1));
        assertEquals(50, result.applied().size());
        assertEquals(1, inbox.transactions);
        assertEquals(1, inbox.claims);
    }

    @Test
    void aPoisonRecordIsRolledBackToItsSavepointAndLetteredAloneWhileTheRestApply() {
        BatchApplier.Result result = applier("poison", new IllegalArgumentException("a rule refuses it"))
                .apply(batch(500, 250));
        assertEquals(499, result.applied().size());
        assertEquals(1, result.letters().size());
        assertEquals(250, result.letters().get(0).record().offset());
        assertEquals(FailureKind.RULE, result.letters().get(0).kind());
        assertEquals(499, inbox.effects.size());
        assertTrue(!inbox.effects.contains("poison"));
        assertEquals(499, inbox.processed.size(), "the poison is not recorded as processed, so it can be re-driven");
        assertEquals(2, inbox.transactions, "a first pass without savepoints, rolled back, then one with them");
    }

    @Test
    void aBatchAppliedInsideTheCallersTransactionUsesSavepointsFromTheStart() {
        Subscriptions subscriptions = new Subscriptions(CODEC).event(EventTypes.VACANCY_POSTED, (vacancy, event) -> {
            inbox.effects.add(vacancy.title());
            if (vacancy.title().equals("poison")) {
                throw new IllegalArgumentException("a rule refuses it");
            }
        });
        BatchApplier.Result result = new BatchApplier(subscriptions, inbox, inbox, true).apply(batch(10, 3));
        assertEquals(9, result.applied().size());
        assertEquals(1, inbox.transactions);
    }

    @Test
    void theSameBatchDeliveredTwiceChangesNothingTheSecondTime() {
        BatchApplier applier = applier("none", null);
        List<ConsumerRecord<String, byte[]>> records = batch(100, -1);
        applier.apply(records);
        BatchApplier.Result again = applier.apply(records);
        assertEquals(0, again.applied().size());
        assertEquals(100, again.duplicates());
        assertEquals(100, inbox.effects.size());
    }

    @Test
    void anEventTwiceInOneBatchIsAppliedOnce() {
        EventEnvelope event = vacancy("Elections Manager");
        BatchApplier.Result result = applier("none", null).apply(List.of(record(event, 0, 0), record(event, 0, 1)));
        assertEquals(1, result.applied().size());
        assertEquals(1, result.duplicates());
    }

    @Test
    void anUndecodableRecordIsLetteredWithoutTouchingTheDatabase() {
        BatchApplier.Result result = applier("none", null).apply(List.of(garbage(0, 0)));
        assertEquals(FailureKind.UNDECODABLE, result.letters().get(0).kind());
        assertEquals(0, inbox.transactions);
    }

    @Test
    void aTransientFailureRollsTheWholeBatchBack() {
        RuntimeException lost = new IllegalStateException("lost", new SQLException("connection reset", "08006"));
        BatchApplier applier = applier("poison", lost);
        assertThrows(IllegalStateException.class, () -> applier.apply(batch(10, 5)));
        assertTrue(inbox.effects.isEmpty());
        assertTrue(inbox.processed.isEmpty());
    }

    @Test
    void eachRecordActsForItsOwnAuthority() {
        applier("none", null).apply(batch(3, -1));
        assertEquals(List.of(InboxFixtures.AUTHORITY, InboxFixtures.AUTHORITY, InboxFixtures.AUTHORITY), inbox.actedFor);
    }

    /** Platform handlers gather one write per vacancy, as a read model's upserts are gathered. */
    private BatchApplier gatheringApplier(String poisonTitle) {
        Subscriptions subscriptions = new Subscriptions(CODEC).asPlatform(EventTypes.VACANCY_POSTED, (vacancy, event) ->
                inbox.gathered.add(vacancy.title().equals(poisonTitle) ? InboxFixtures.POISON_WRITE : vacancy.title()));
        return new BatchApplier(subscriptions, inbox, inbox);
    }

    @Test
    void platformHandlersSetTheTenantOnceAndTheirWritesGoAsOneFlushAtTheEndOfTheBatch() {
        BatchApplier.Result result = gatheringApplier("none").apply(batch(500, -1));
        assertEquals(500, result.applied().size());
        assertEquals(1, inbox.platformScopes);
        assertTrue(inbox.actedFor.isEmpty(), "no authority is set for handlers acting as the platform");
        assertEquals(List.of("platform"), inbox.flushedAs);
        assertEquals(500, inbox.effects.size());
    }

    @Test
    void aPoisonWriteGatheredInABatchOf500IsLetteredAloneAndTheOther499Apply() {
        BatchApplier.Result result = gatheringApplier("poison").apply(batch(500, 250));
        assertEquals(499, result.applied().size());
        assertEquals(1, result.letters().size());
        assertEquals(250, result.letters().get(0).record().offset());
        assertEquals(FailureKind.ROW_LEVEL_SECURITY, result.letters().get(0).kind());
        assertEquals(499, inbox.effects.size());
        assertTrue(!inbox.effects.contains(InboxFixtures.POISON_WRITE));
        assertEquals(499, inbox.processed.size(), "the poison is not recorded as processed, so it can be re-driven");
        assertEquals(2, inbox.transactions, "the first pass is rolled back whole, the second has a savepoint each");
    }

    @Test
    void writesGatheredAsThePlatformAreSentBeforeAnAuthoritysHandlerRuns() {
        List<String> seenByAuthorityHandler = new ArrayList<>();
        Subscriptions subscriptions = new Subscriptions(CODEC)
                .asPlatform(EventTypes.VACANCY_POSTED, (vacancy, event) -> inbox.gathered.add(vacancy.title()))
                .event(EventTypes.VACANCY_POSTED, (vacancy, event) -> {
                    seenByAuthorityHandler.add(String.join(",", inbox.effects));
                    inbox.gathered.add("own " + vacancy.title());
                });
        new BatchApplier(subscriptions, inbox, inbox).apply(batch(2, -1));
        assertEquals(List.of("post 0", "post 0,own post 0,post 1"), seenByAuthorityHandler);
        assertEquals(List.of("platform", InboxFixtures.AUTHORITY.toString(), "platform", InboxFixtures.AUTHORITY.toString()),
                inbox.flushedAs, "each write runs as whom its handler acted for");
    }
}
