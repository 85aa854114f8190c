package io.concordat.hosting.domain;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** One body's time as host: from a date, to a date (or still hosting). */
public record HostPeriod(UUID hostAuthorityId, LocalDate from, LocalDate to) {

    public boolean covers(LocalDate day) {
        return !day.isBefore(from) && (to == null || !day.isAfter(to));
    }

    /** Who hosted on a day, from the arrangement's host history. */
    public static Optional<UUID> hostOn(List<HostPeriod> history, LocalDate day) {
        return history.stream().filter(p -> p.covers(day)).map(HostPeriod::hostAuthorityId).findFirst();
    }

    /**
     * Checks a transfer of the hosting: to another body, from a day after the current host started.
     *
     * @throws HostingRuleException otherwise
     */
    public static HostPeriod current(List<HostPeriod> history) {
        return history.stream().filter(p -> p.to() == null).max(Comparator.comparing(HostPeriod::from))
                .orElseThrow(() -> new HostingRuleException("no-current-host", "The arrangement has no current host."));
    }

    public static void requireTransfer(List<HostPeriod> history, UUID to, LocalDate effectiveOn) {
        HostPeriod current = current(history);
        if (current.hostAuthorityId().equals(to)) {
            throw new HostingRuleException("already-the-host", "That body already hosts the service.");
        }
        if (!effectiveOn.isAfter(current.from())) {
            throw new HostingRuleException("transfer-before-current-host",
                    "A transfer takes effect after the current host started (" + current.from() + ").");
        }
    }
}
