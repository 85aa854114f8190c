package io.concordat.reporting.api;

import io.concordat.reporting.domain.AuditVerification;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.UUID;

/**
 * The outcome of verifying the audit trail.
 *
 * @param intact         whether every entry holds
 * @param entriesChecked how many entries held before the first broken link (all of them when intact)
 * @param firstBreak     the first broken link, naming the entry; null when intact
 */
@Serdeable
public record AuditVerificationView(boolean intact, long entriesChecked, @Nullable Break firstBreak) {

    /** An entry that was altered or is missing. */
    @Serdeable
    public record Break(long sequence, @Nullable UUID eventId, String problem) {
    }

    static AuditVerificationView of(AuditVerification verification) {
        return new AuditVerificationView(verification.intact(), verification.entriesChecked(),
                verification.firstBreak().map(b -> new Break(b.sequence(), b.eventId(), b.problem())).orElse(null));
    }
}
