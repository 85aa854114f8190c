package io.concordat.opportunities.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The case for an opportunity (seed 000): one-off costs and how they are split, external
 * funding, projected annual savings per authority and financial year, benefits, risks, and
 * whether staff and trade unions must be consulted. Money is in pence.
 */
public record BusinessCase(
        long investigationCostPence,
        long implementationCostPence,
        CostSplit costSplit,
        Map<UUID, Integer> sharesPercent,
        long externalFundingPence,
        List<Saving> projectedSavings,
        List<String> benefits,
        List<Risk> risks,
        boolean staffingImplications,
        LocalDate staffConsultedOn,
        LocalDate tradeUnionsConsultedOn) {

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
     * @throws InvalidOpportunityException when an amount is negative, shares do not add up to 100,
     *                                     a financial year is malformed or a score is out of range
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
    }

    public long oneOffCostsPence() {
        return investigationCostPence + implementationCostPence;
    }

    public long projectedAnnualSavingsPence() {
        return projectedSavings.stream().mapToLong(Saving::annualPence).sum();
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
