package io.concordat.reporting.domain;

import java.util.Optional;

/**
 * The outcome of checking the audit trail from its first entry: how many entries were checked
 * and, when it does not hold, the first broken link.
 */
public record AuditVerification(long entriesChecked, Optional<ChainBreak> firstBreak) {

    public boolean intact() {
        return firstBreak.isEmpty();
    }
}
