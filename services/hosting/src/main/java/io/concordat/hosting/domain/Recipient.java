package io.concordat.hosting.domain;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A council's time receiving the service, with its own service level and account manager. It
 * receives only once it has accepted; leaving keeps the record.
 */
public record Recipient(UUID authorityId, LocalDate joinedOn, LocalDate leftOn, String leftReason, String serviceLevel,
                        String accountManager, Consent consent) {

    /** A recipient asked to join from a day, not yet answering. */
    public static Recipient asked(UUID authorityId, LocalDate joinedOn, String serviceLevel, String accountManager) {
        return new Recipient(authorityId, joinedOn, null, null, serviceLevel, accountManager, Consent.ASKED);
    }

    /** A recipient whose council has already decided to take part, e.g. by its decision on the opportunity. */
    public static Recipient agreed(UUID authorityId, LocalDate joinedOn, String serviceLevel, String accountManager) {
        return new Recipient(authorityId, joinedOn, null, null, serviceLevel, accountManager, Consent.ACCEPTED);
    }

    public boolean receivesOn(LocalDate day) {
        return consent == Consent.ACCEPTED && !day.isBefore(joinedOn) && (leftOn == null || !day.isAfter(leftOn));
    }

    /** Whether it received the service on any day from {@code from} to {@code to}. */
    public boolean receivesDuring(LocalDate from, LocalDate to) {
        return consent == Consent.ACCEPTED && !to.isBefore(joinedOn) && (leftOn == null || !from.isAfter(leftOn));
    }

    /** Accepted and not yet left. */
    public boolean isCurrent() {
        return consent == Consent.ACCEPTED && leftOn == null;
    }

    public boolean isAsked() {
        return consent == Consent.ASKED;
    }

    public Recipient answered(Consent answer) {
        return new Recipient(authorityId, joinedOn, leftOn, leftReason, serviceLevel, accountManager, answer);
    }

    public Recipient leaves(LocalDate on, String reason) {
        return new Recipient(authorityId, joinedOn, on, reason, serviceLevel, accountManager, consent);
    }
}
