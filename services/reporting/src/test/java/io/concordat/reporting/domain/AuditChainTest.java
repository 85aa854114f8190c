package io.concordat.reporting.domain;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuditChainTest {

    private static final UUID COUNCIL = UUID.fromString("0b7c3c3e-4a0f-4f7e-9a6c-0e3a5d2f1a01");

    @Test
    void aTrailBuiltEntryByEntryHoldsAndEachEntryLinksToTheOneBefore() {
        List<AuditEntry> trail = trail(4);

        AuditVerification verified = AuditChain.verify(trail.iterator(), Map.of());

        assertTrue(verified.intact());
        assertEquals(4, verified.entriesChecked());
        assertEquals(AuditChain.GENESIS, trail.get(0).previousHash());
        assertEquals(trail.get(2).hash(), trail.get(3).previousHash());
    }

    @Test
    void anEntryWhoseContentChangedIsTheFirstBreakNamingItsEvent() {
        List<AuditEntry> trail = trail(4);
        AuditEntry e = trail.get(1);
        trail.set(1, new AuditEntry(e.sequence(), e.eventId(), e.eventType(), e.authorityId(), e.subject(), e.occurredAt(),
                "{\"outcome\":\"REJECTED\"}".getBytes(StandardCharsets.UTF_8), e.previousHash(), e.hash()));

        ChainBreak broken = AuditChain.verify(trail.iterator(), Map.of()).firstBreak().orElseThrow();

        assertEquals(2, broken.sequence());
        assertEquals(e.eventId(), broken.eventId());
        assertTrue(broken.problem().contains("altered"));
    }

    @Test
    void anEntryWhoseHashWasRewrittenToMatchBreaksTheNextOnesLink() {
        List<AuditEntry> trail = trail(4);
        AuditEntry e = trail.get(1);
        AuditEntry forged = AuditChain.next(trail.get(0), e.eventId(), e.eventType(), e.authorityId(), e.subject(),
                e.occurredAt(), "{\"outcome\":\"REJECTED\"}".getBytes(StandardCharsets.UTF_8));
        trail.set(1, forged);

        ChainBreak broken = AuditChain.verify(trail.iterator(), Map.of()).firstBreak().orElseThrow();

        assertEquals(3, broken.sequence());
        assertTrue(broken.problem().contains("does not link"));
    }

    @Test
    void aDeletedEntryIsReportedMissingByItsNumber() {
        List<AuditEntry> trail = trail(4);
        trail.remove(2);

        ChainBreak broken = AuditChain.verify(trail.iterator(), Map.of()).firstBreak().orElseThrow();

        assertEquals(3, broken.sequence());
        assertTrue(broken.problem().contains("entry 3 is missing"), broken.problem());
    }

    @Test
    void aTrailCutShortOrRewrittenWholeDisagreesWithItsPublishedAnchors() {
        List<AuditEntry> trail = trail(4);
        Map<Long, String> anchors = Map.of(4L, trail.get(3).hash());

        ChainBreak cut = AuditChain.verify(trail.subList(0, 3).iterator(), anchors).firstBreak().orElseThrow();
        ChainBreak rewritten = AuditChain.verify(trail(4, "rewritten").iterator(), anchors).firstBreak().orElseThrow();

        assertEquals(4, cut.sequence());
        assertTrue(cut.problem().contains("missing from the end"));
        assertEquals(4, rewritten.sequence());
        assertTrue(rewritten.problem().contains("anchored"));
    }

    private static List<AuditEntry> trail(int entries) {
        return trail(entries, "APPROVED");
    }

    private static List<AuditEntry> trail(int entries, String outcome) {
        List<AuditEntry> trail = new ArrayList<>();
        AuditEntry previous = null;
        for (int i = 0; i < entries; i++) {
            previous = AuditChain.next(previous, new UUID(0, i + 1), "io.concordat.opportunity.council-decision-recorded.v1",
                    COUNCIL, "opportunity-" + i, Instant.parse("2026-05-01T10:00:00.123456789Z"),
                    ("{\"outcome\":\"" + outcome + "\"}").getBytes(StandardCharsets.UTF_8));
            trail.add(previous);
        }
        return trail;
    }
}
