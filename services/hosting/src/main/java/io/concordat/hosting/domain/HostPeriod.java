package io.concordat.hosting.domain;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** One body's time as host: from a date, to a date (or still hosting). */
public record HostPeriod(UUID hostAuthorityId, LocalDate from, LocalDate to) {

    public boolean covers(LocalDate day) {
        return !day.isBefore(from) && (to == null || !day.isAfter(to));
    }

    /** Who hosted on a day, from the arrangement's host history. */
    public static Optional<UUID> hostOn(List<HostPeriod> history, LocalDate day) {
        return history.stream().filter(p -> p.covers(day)).map(HostPeriod::hostAuthorityId).findFirst();
    }

    /** The periods of the history that fall, at least in part, in the financial year, in order. */
    public static List<HostPeriod> inYear(List<HostPeriod> history, FinancialYear year) {
        return history.stream().filter(p -> year.overlaps(p.from(), p.to()))
                .sorted(Comparator.comparing(HostPeriod::from)).toList();
    }

    /** The bodies that hosted for any part of the financial year. */
    public static Set<UUID> hostsIn(List<HostPeriod> history, FinancialYear year) {
        return inYear(history, year).stream().map(HostPeriod::hostAuthorityId).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /**
     * The current host.
     *
     * @throws HostingRuleException when there is none
     */
    public static HostPeriod current(List<HostPeriod> history) {
        return history.stream().filter(p -> p.to() == null).max(Comparator.comparing(HostPeriod::from))
                .orElseThrow(() -> new HostingRuleException("no-current-host", "The arrangement has no current host."));
    }

    /**
     * Checks a transfer of the hosting: to another body, from a day after the current host started.
     *
     * @throws HostingRuleException otherwise
     */
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
