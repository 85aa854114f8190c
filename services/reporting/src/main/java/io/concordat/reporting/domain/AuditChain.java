package io.concordat.reporting.domain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The audit trail's rule: entries are numbered from 1 without gaps, each holds the hash of the one
 * before it, and its own hash is SHA-256 over its fields and that previous hash. Changing any
 * field of an entry changes its hash; deleting one leaves a gap and a link that points to nothing;
 * rewriting every hash after a change no longer matches the day's anchor published as an event.
 */
public final class AuditChain {

    /** The previous hash of the first entry. */
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    /** The entry that follows {@code previous} (null for the first), its hash computed. */
    public static AuditEntry next(AuditEntry previous, UUID eventId, String eventType, UUID authorityId,
                                  String subject, Instant occurredAt, byte[] data) {
        long sequence = previous == null ? 1 : previous.sequence() + 1;
        String previousHash = previous == null ? GENESIS : previous.hash();
        // the database keeps microseconds: hash what will be read back
        Instant stored = occurredAt.truncatedTo(ChronoUnit.MICROS);
        return new AuditEntry(sequence, eventId, eventType, authorityId, subject, stored, data, previousHash,
                hashOf(sequence, eventId, eventType, authorityId, subject, stored, data, previousHash));
    }

    /**
     * Checks the entries in order of sequence, and the published anchors (sequence to hash): the
     * first entry whose hash is not its own, whose link does not point to the entry before it,
     * or whose number skips one, is reported, naming the entry.
     */
    public static AuditVerification verify(Iterator<AuditEntry> inOrder, Map<Long, String> anchors) {
        long expected = 1;
        String previousHash = GENESIS;
        long checked = 0;
        while (inOrder.hasNext()) {
            AuditEntry entry = inOrder.next();
            if (entry.sequence() != expected) {
                return broken(checked, expected, entry.eventId(), "entry " + expected + " is missing: the trail goes from "
                        + (expected - 1) + " to " + entry.sequence() + " (event " + entry.eventId() + ")");
            }
            if (!entry.previousHash().equals(previousHash)) {
                return broken(checked, entry.sequence(), entry.eventId(), "entry " + entry.sequence()
                        + " does not link to the entry before it: that entry was changed or replaced");
            }
            String own = hashOf(entry.sequence(), entry.eventId(), entry.eventType(), entry.authorityId(),
                    entry.subject(), entry.occurredAt(), entry.data(), entry.previousHash());
            if (!own.equals(entry.hash())) {
                return broken(checked, entry.sequence(), entry.eventId(), "entry " + entry.sequence() + " (event "
                        + entry.eventId() + ", " + entry.eventType() + ") was altered: its content no longer has its hash");
            }
            String anchored = anchors.get(entry.sequence());
            if (anchored != null && !anchored.equals(entry.hash())) {
                return broken(checked, entry.sequence(), entry.eventId(), "entry " + entry.sequence()
                        + " is not the entry that was anchored: the trail up to it was rewritten");
            }
            checked++;
            previousHash = entry.hash();
            expected++;
        }
        long last = expected - 1;
        Optional<Long> beyond = anchors.keySet().stream().filter(s -> s > last).min(Long::compare);
        if (beyond.isPresent()) {
            return broken(checked, last + 1, null, "entries " + (last + 1) + " to " + beyond.get()
                    + " were anchored but are missing from the end of the trail");
        }
        return new AuditVerification(checked, Optional.empty());
    }

    private static AuditVerification broken(long checked, long sequence, UUID eventId, String problem) {
        return new AuditVerification(checked, Optional.of(new ChainBreak(sequence, eventId, problem)));
    }

    static String hashOf(long sequence, UUID eventId, String eventType, UUID authorityId, String subject,
                         Instant occurredAt, byte[] data, String previousHash) {
        MessageDigest sha256 = sha256();
        // each field length-prefixed, so no two different entries write the same bytes
        field(sha256, previousHash);
        field(sha256, Long.toString(sequence));
        field(sha256, eventId.toString());
        field(sha256, eventType);
        field(sha256, authorityId.toString());
        field(sha256, subject);
        field(sha256, occurredAt.toString());
        sha256.update(ByteBuffer.allocate(Integer.BYTES).putInt(data.length).array());
        sha256.update(data);
        return HexFormat.of().formatHex(sha256.digest());
    }

    private static void field(MessageDigest digest, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
        digest.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
