package io.concordat.opportunities.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The case for an opportunity (seed 000): one-off costs and how they are split, external
 * funding, projected annual savings per authority and financial year, benefits, risks, and
 * whether staff and trade unions must be consulted. Money is in pence.
 *
 * @param sharesPercent  with BY_SHARE: each council's percentage of the one-off costs
 * @param populations    with BY_POPULATION: each council's population
 * @param sharedBy       the councils taking part when it was submitted: with EQUAL, those who share
 *                       the one-off costs (empty in cases stored before it was kept)
 */
public record BusinessCase(
        long investigationCostPence,
        long implementationCostPence,
        CostSplit costSplit,
        Map<UUID, Integer> sharesPercent,
        Map<UUID, Long> populations,
        long externalFundingPence,
        List<Saving> projectedSavings,
        List<String> benefits,
        List<Risk> risks,
        boolean staffingImplications,
        LocalDate staffConsultedOn,
        LocalDate tradeUnionsConsultedOn,
        List<UUID> sharedBy) {

    private static final Pattern FINANCIAL_YEAR = Pattern.compile("(\\d{4})/(\\d{2})");

    /** How one-off costs are shared between the authorities. */
    public enum CostSplit { EQUAL, BY_SHARE, BY_POPULATION }

    /** The risk categories of seed 000's matrix. */
    public enum RiskCategory { STRATEGY, REPUTATION, REGULATORY_LEGAL, FINANCIAL, OPERATIONAL, PEOPLE, INFORMATION, OTHER }

    /** An authority's projected saving in one financial year (1 April to 31 March), e.g. "2026/27". */
    public record Saving(UUID authorityId, String financialYear, long annualPence) {
    }

    /** A risk with likelihood and impact from 1 (low) to 5 (high). */
    public record Risk(RiskCategory category, String description, int likelihood, int impact) {
    }

    /**
     * One council's part of the one-off costs that external funding does not meet.
     *
     * @param percent its share, to two decimal places
     * @param pence   its part of the net one-off costs; the parts add up to them exactly
     */
    public record CostShare(UUID authorityId, BigDecimal percent, long pence) {
    }

    /**
     * @throws InvalidOpportunityException when an amount is negative, shares do not add up to 100,
     *                                     a population is not positive, a financial year is
     *                                     malformed or a score is out of range
     */
    public BusinessCase {
        requireNotNegative("investigation cost", investigationCostPence);
        requireNotNegative("implementation cost", implementationCostPence);
        requireNotNegative("external funding", externalFundingPence);
        sharesPercent = sharesPercent == null ? Map.of() : Map.copyOf(sharesPercent);
        if (costSplit == CostSplit.BY_SHARE
                && sharesPercent.values().stream().mapToInt(Integer::intValue).sum() != 100) {
            throw new InvalidOpportunityException("shares-not-100", "Shares of the one-off costs must add up to 100%.");
        }
        if (sharesPercent.values().stream().anyMatch(share -> share < 0)) {
            throw new InvalidOpportunityException("negative-share", "A share of the one-off costs cannot be negative.");
        }
        populations = populations == null ? Map.of() : Map.copyOf(populations);
        if (populations.values().stream().anyMatch(population -> population <= 0)) {
            throw new InvalidOpportunityException("population-not-positive", "A population is a positive number.");
        }
        projectedSavings = List.copyOf(projectedSavings == null ? List.of() : projectedSavings);
        for (Saving saving : projectedSavings) {
            var year = FINANCIAL_YEAR.matcher(saving.financialYear() == null ? "" : saving.financialYear());
            if (!year.matches() || (Integer.parseInt(year.group(1)) + 1) % 100 != Integer.parseInt(year.group(2))) {
                throw new InvalidOpportunityException("malformed-financial-year",
                        "'" + saving.financialYear() + "' is not a financial year such as 2026/27.");
            }
        }
        benefits = List.copyOf(benefits == null ? List.of() : benefits);
        risks = List.copyOf(risks == null ? List.of() : risks);
        for (Risk risk : risks) {
            if (risk.likelihood() < 1 || risk.likelihood() > 5 || risk.impact() < 1 || risk.impact() > 5) {
                throw new InvalidOpportunityException("risk-score-out-of-range", "Likelihood and impact run from 1 to 5.");
            }
        }
        sharedBy = List.copyOf(sharedBy == null ? List.of() : sharedBy);
    }

    /**
     * The case as submitted for an opportunity: it may project savings for, and split costs
     * between, only councils that take part; with BY_POPULATION every council sharing the costs
     * needs its population. Records who takes part, for an equal split.
     *
     * @throws OpportunityRuleException naming the councils that do not take part, or when populations are missing
     */
    public BusinessCase submittedFor(Participation participation) {
        Set<UUID> named = new LinkedHashSet<>();
        projectedSavings.forEach(saving -> named.add(saving.authorityId()));
        named.addAll(sharesPercent.keySet());
        named.addAll(populations.keySet());
        participation.requireTakingPart(named, "A business case");
        if (costSplit == CostSplit.BY_POPULATION && populations.isEmpty()) {
            throw new InvalidOpportunityException("populations-required",
                    "A split by population needs the population of each council sharing the costs.");
        }
        return new BusinessCase(investigationCostPence, implementationCostPence, costSplit, sharesPercent, populations,
                externalFundingPence, projectedSavings, benefits, risks, staffingImplications, staffConsultedOn,
                tradeUnionsConsultedOn, participation.takingPart());
    }

    /** The same case, the one-off costs shared by the given councils when the split is equal. */
    public BusinessCase withSharedBy(List<UUID> councils) {
        return new BusinessCase(investigationCostPence, implementationCostPence, costSplit, sharesPercent, populations,
                externalFundingPence, projectedSavings, benefits, risks, staffingImplications, staffConsultedOn,
                tradeUnionsConsultedOn, councils);
    }

    public long oneOffCostsPence() {
        return investigationCostPence + implementationCostPence;
    }

    /** The one-off costs the councils meet themselves: what external funding does not cover. */
    public long netOneOffCostsPence() {
        return Math.max(0, oneOffCostsPence() - externalFundingPence);
    }

    /**
     * Each council's part of the net one-off costs by the split: equally between the councils
     * taking part, by the agreed percentages, or in proportion to population. Pence left over
     * by rounding go to the largest remainders, so the parts add up exactly. Empty when the case
     * does not say who shares (an old equal split, or a split by population without populations).
     */
    public List<CostShare> costShares() {
        Map<UUID, BigDecimal> weights = new LinkedHashMap<>();
        switch (costSplit) {
            case EQUAL -> sharedBy.forEach(authority -> weights.put(authority, BigDecimal.ONE));
            case BY_SHARE -> sharesPercent.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> weights.put(e.getKey(), BigDecimal.valueOf(e.getValue())));
            case BY_POPULATION -> populations.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> weights.put(e.getKey(), BigDecimal.valueOf(e.getValue())));
        }
        BigDecimal total = weights.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (total.signum() == 0) {
            return List.of();
        }
        BigDecimal net = BigDecimal.valueOf(netOneOffCostsPence());
        Map<UUID, Long> pence = new LinkedHashMap<>();
        Map<UUID, BigDecimal> remainders = new LinkedHashMap<>();
        weights.forEach((authority, weight) -> {
            BigDecimal exact = net.multiply(weight).divide(total, 10, RoundingMode.HALF_EVEN);
            long floor = exact.setScale(0, RoundingMode.FLOOR).longValueExact();
            pence.put(authority, floor);
            remainders.put(authority, exact.subtract(BigDecimal.valueOf(floor)));
        });
        long left = netOneOffCostsPence() - pence.values().stream().mapToLong(Long::longValue).sum();
        List<UUID> byRemainder = new ArrayList<>(remainders.keySet());
        byRemainder.sort(Comparator.comparing(remainders::get).reversed());
        for (int i = 0; i < left; i++) {
            pence.merge(byRemainder.get(i % byRemainder.size()), 1L, Long::sum);
        }
        return weights.keySet().stream().map(authority -> new CostShare(authority,
                weights.get(authority).multiply(BigDecimal.valueOf(100)).divide(total, 2, RoundingMode.HALF_EVEN),
                pence.get(authority))).toList();
    }

    /**
     * The full-year saving the case reaches: for each council, its projected saving in the last
     * financial year it projects (its recurring, full-year effect), added up. A three-year case
     * phasing in 10, 20 and 30 a year is a saving of 30 a year, not 60.
     */
    public long projectedAnnualSavingsPence() {
        Map<UUID, String> lastYear = new LinkedHashMap<>();
        projectedSavings.forEach(s -> lastYear.merge(s.authorityId(), s.financialYear(),
                (a, b) -> a.compareTo(b) >= 0 ? a : b));
        return projectedSavings.stream().filter(s -> s.financialYear().equals(lastYear.get(s.authorityId())))
                .mapToLong(Saving::annualPence).sum();
    }

    /** Every projected saving over the whole period of the case, all years and councils added up. */
    public long projectedTotalSavingsPence() {
        return projectedSavings.stream().mapToLong(Saving::annualPence).sum();
    }

    /** The projected savings of all councils in each financial year, earliest first. */
    public Map<String, Long> projectedSavingsByYear() {
        Map<String, Long> byYear = new TreeMap<>();
        projectedSavings.forEach(s -> byYear.merge(s.financialYear(), s.annualPence(), Long::sum));
        return byYear;
    }

    /** The councils the case names: in its savings and its split. */
    public Set<UUID> councilsNamed() {
        Set<UUID> named = new HashSet<>(sharedBy);
        projectedSavings.forEach(s -> named.add(s.authorityId()));
        named.addAll(sharesPercent.keySet());
        named.addAll(populations.keySet());
        return named;
    }

    /** Any staffing implication needs staff and trade unions consulted before a council decides. */
    public boolean consultationOutstanding() {
        return staffingImplications && (staffConsultedOn == null || tradeUnionsConsultedOn == null);
    }

    private static void requireNotNegative(String what, long pence) {
        if (pence < 0) {
            throw new InvalidOpportunityException("negative-amount", "The " + what + " cannot be negative.");
        }
    }
}
