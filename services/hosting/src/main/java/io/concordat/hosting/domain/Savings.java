package io.concordat.hosting.domain;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What an arrangement saved each authority in a financial year, in pence: its baseline (what the
 * service cost it alone) less what it cost under the arrangement. A recipient's cost is what it
 * was recharged; a host's is its running cost less the recharges it received. So the savings
 * add up to the baselines less the hosts' running costs, to the penny.
 */
public final class Savings {

    private Savings() {
    }

    /** One authority's figures for the year. */
    public record Line(UUID authorityId, long baselinePence, long costPence, long savingPence) {
    }

    /** A recharge, as the ledger counts it: paid by the recipient, received by whoever hosted when its period began. */
    public record Recharge(UUID recipientAuthorityId, LocalDate periodFrom, long amountPence) {
    }

    /**
     * A single host's year: the host's cost is its running cost less the recharges it received.
     *
     * @param baselines      each authority's baseline for the year (absent counts as 0)
     * @param rechargesPaid  what each recipient was recharged in the year
     * @param runningCost    the host's running cost for the year
     */
    public static Map<UUID, Line> forYear(UUID host, Set<UUID> parties, Map<UUID, Long> baselines,
                                          Map<UUID, Long> rechargesPaid, long runningCost) {
        Map<UUID, Long> paid = new LinkedHashMap<>(rechargesPaid);
        paid.remove(host);
        long received = paid.values().stream().mapToLong(Long::longValue).reduce(0L, Math::addExact);
        return lines(parties, baselines, paid, Map.of(host, received), Map.of(host, runningCost));
    }

    /**
     * A year's ledger by the hosts of that year, not today's: each host carries its own running cost
     * for the part of the year it hosted and receives the recharges for periods that began while it
     * hosted. The ledger lists the year's hosts, the recipients that received the service in it, and
     * anyone with a baseline or a recharge in it.
     *
     * @param runningCosts each host's running cost for the year
     */
    public static Map<UUID, Line> forYear(FinancialYear year, List<HostPeriod> hosts, List<Recipient> recipients,
                                          Map<UUID, Long> baselines, List<Recharge> recharges, Map<UUID, Long> runningCosts) {
        List<HostPeriod> ofYear = HostPeriod.inYear(hosts, year);
        Map<UUID, Long> paid = new LinkedHashMap<>();
        Map<UUID, Long> received = new LinkedHashMap<>();
        for (Recharge r : recharges) {
            if (r.periodFrom().isBefore(year.firstDay()) || r.periodFrom().isAfter(year.lastDay())) {
                continue;
            }
            UUID host = HostPeriod.hostOn(ofYear, r.periodFrom())
                    .orElse(ofYear.isEmpty() ? null : ofYear.get(0).hostAuthorityId());
            paid.merge(r.recipientAuthorityId(), r.amountPence(), Math::addExact);
            if (host != null) {
                received.merge(host, r.amountPence(), Math::addExact);
            }
        }
        Set<UUID> parties = new LinkedHashSet<>();
        ofYear.forEach(p -> parties.add(p.hostAuthorityId()));
        recipients.stream().filter(r -> r.receivesDuring(year.firstDay(), year.lastDay())).forEach(r -> parties.add(r.authorityId()));
        parties.addAll(baselines.keySet());
        parties.addAll(runningCosts.keySet());
        parties.addAll(paid.keySet());
        return lines(parties, baselines, paid, received, runningCosts);
    }

    /** Cost = recharges paid + running cost carried - recharges received; so the savings add up to baselines less running costs. */
    private static Map<UUID, Line> lines(Set<UUID> parties, Map<UUID, Long> baselines, Map<UUID, Long> paid,
                                         Map<UUID, Long> received, Map<UUID, Long> running) {
        Map<UUID, Line> lines = new LinkedHashMap<>();
        for (UUID authority : parties) {
            long baseline = baselines.getOrDefault(authority, 0L);
            long cost = Math.subtractExact(Math.addExact(paid.getOrDefault(authority, 0L), running.getOrDefault(authority, 0L)),
                    received.getOrDefault(authority, 0L));
            lines.put(authority, new Line(authority, baseline, cost, Math.subtractExact(baseline, cost)));
        }
        return lines;
    }

    /**
     * Splits an amount into equal shares to the penny: the pence that do not divide go one each to
     * the first shares, so the shares always add up to the amount.
     */
    public static long[] equalShares(long amountPence, int shares) {
        if (shares < 1) {
            throw new HostingRuleException("no-shares", "There is no one to share the cost between.");
        }
        long[] split = new long[shares];
        long each = amountPence / shares;
        long remainder = amountPence % shares;
        for (int i = 0; i < shares; i++) {
            split[i] = each + (i < remainder ? 1 : 0);
        }
        return split;
    }
}
