package io.concordat.hosting.domain;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Savings per authority per financial year, over random arrangements: recharges move money
 * between host and recipients without creating or losing a penny, so the savings always add up
 * to the baselines less the host's running cost, and a recipient's cost is exactly its recharges
 * in that year.
 */
class SavingsPropertiesTest {

    private static final FinancialYear YEAR = FinancialYear.parse("2013/14");

    record Recharge(int recipient, LocalDate periodFrom, long pence) {
    }

    record Case(int recipients, List<Long> baselines, long runningCost, List<Recharge> recharges) {
    }

    @Property(tries = 500)
    void savingsAddUpToBaselinesLessTheRunningCostToThePenny(@ForAll("arrangements") Case c) {
        UUID host = UUID.randomUUID();
        List<UUID> recipients = new ArrayList<>();
        for (int i = 0; i < c.recipients(); i++) {
            recipients.add(UUID.randomUUID());
        }
        Set<UUID> parties = new LinkedHashSet<>();
        parties.add(host);
        parties.addAll(recipients);
        Map<UUID, Long> baselines = new HashMap<>();
        List<UUID> all = new ArrayList<>(parties);
        for (int i = 0; i < all.size(); i++) {
            baselines.put(all.get(i), c.baselines().get(i));
        }
        Map<UUID, Long> paidInYear = new HashMap<>();
        for (Recharge r : c.recharges()) {
            if (FinancialYear.of(r.periodFrom()).equals(YEAR)) {
                paidInYear.merge(recipients.get(r.recipient() % c.recipients()), r.pence(), Long::sum);
            }
        }

        Map<UUID, Savings.Line> lines = Savings.forYear(host, parties, baselines, paidInYear, c.runningCost());

        long totalSaving = lines.values().stream().mapToLong(Savings.Line::savingPence).sum();
        long totalBaseline = baselines.values().stream().mapToLong(Long::longValue).sum();
        assertEquals(totalBaseline - c.runningCost(), totalSaving);
        for (UUID recipient : recipients) {
            assertEquals(paidInYear.getOrDefault(recipient, 0L), lines.get(recipient).costPence());
            assertEquals(baselines.get(recipient) - lines.get(recipient).costPence(), lines.get(recipient).savingPence());
        }
    }

    @Property(tries = 500)
    void equalSharesAddUpToTheAmountAndDifferByAtMostAPenny(@ForAll @LongRange(min = 0, max = 10_000_000_000L) long pence,
                                                            @ForAll @IntRange(min = 1, max = 40) int shares) {
        long[] split = Savings.equalShares(pence, shares);
        assertEquals(pence, java.util.Arrays.stream(split).sum());
        long max = java.util.Arrays.stream(split).max().orElseThrow();
        long min = java.util.Arrays.stream(split).min().orElseThrow();
        assertTrue(max - min <= 1);
    }

    @Property(tries = 300)
    void everyDayBelongsToTheFinancialYearThatStartsOnTheAprilBeforeIt(@ForAll @IntRange(min = 0, max = 20_000) int offset) {
        LocalDate day = LocalDate.of(2000, 1, 1).plusDays(offset);
        FinancialYear year = FinancialYear.of(day);
        assertTrue(!day.isBefore(year.firstDay()) && !day.isAfter(year.lastDay()));
        assertEquals(year, FinancialYear.parse(year.toString()));
    }

    @Provide
    Arbitrary<Case> arrangements() {
        Arbitrary<Integer> recipients = Arbitraries.integers().between(1, 8);
        return recipients.flatMap(n -> Combinators.combine(
                Arbitraries.longs().between(0, 500_000_000L).list().ofSize(n + 1),
                Arbitraries.longs().between(0, 2_000_000_000L),
                Combinators.combine(Arbitraries.integers().between(0, n - 1),
                                Arbitraries.integers().between(0, 3 * 365).map(d -> LocalDate.of(2012, 10, 1).plusDays(d)),
                                Arbitraries.longs().between(0, 50_000_000L))
                        .as(Recharge::new).list().ofMaxSize(40))
                .as((baselines, running, recharges) -> new Case(n, baselines, running, recharges)));
    }
}
