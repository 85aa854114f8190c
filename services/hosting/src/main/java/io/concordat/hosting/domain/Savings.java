package io.concordat.hosting.domain;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What an arrangement saved each authority in a financial year, in pence: its baseline (what the
 * service cost it alone) less what it cost under the arrangement. A recipient's cost is what it
 * was recharged; the host's is its running cost less the recharges it received. So the savings
 * add up to the baselines less the host's running cost, to the penny.
 */
public final class Savings {

    private Savings() {
    }

    /** One authority's figures for the year. */
    public record Line(UUID authorityId, long baselinePence, long costPence, long savingPence) {
    }

    /**
     * @param baselines      each authority's baseline for the year (absent counts as 0)
     * @param rechargesPaid  what each recipient was recharged in the year
     * @param runningCost    the host's running cost for the year
     */
    public static Map<UUID, Line> forYear(UUID host, Set<UUID> parties, Map<UUID, Long> baselines,
                                          Map<UUID, Long> rechargesPaid, long runningCost) {
        long received = rechargesPaid.entrySet().stream().filter(e -> !e.getKey().equals(host))
                .mapToLong(Map.Entry::getValue).reduce(0L, Math::addExact);
        Map<UUID, Line> lines = new LinkedHashMap<>();
        for (UUID authority : parties) {
            long baseline = baselines.getOrDefault(authority, 0L);
            long cost = authority.equals(host) ? Math.subtractExact(runningCost, received)
                    : rechargesPaid.getOrDefault(authority, 0L);
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
