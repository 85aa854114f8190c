package io.concordat.opportunities.api;

import io.concordat.opportunities.domain.BusinessCase;
import io.concordat.opportunities.store.CollaborationStore.StoredBusinessCase;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * A version of a business case as submitted, with the figures a finance officer reads from it.
 * Money is in pence.
 *
 * @param oneOffCostsPence            investigation and implementation costs
 * @param netOneOffCostsPence         the one-off costs external funding does not meet: what the councils share
 * @param costShares                  each council's part of the net one-off costs by the split (empty
 *                                    when a split by population has no populations)
 * @param projectedAnnualSavingsPence the full-year saving the case reaches: each council's saving in
 *                                    the last financial year it projects, added up
 * @param projectedTotalSavingsPence  every projected saving over the whole case, all years added up
 * @param projectedSavingsByYear      all councils' projected savings in each financial year
 * @param consultationOutstanding     staff or trade unions still to be consulted: no council may approve
 */
@Serdeable
public record BusinessCaseView(
        int version,
        String submittedBy,
        Instant submittedAt,
        long investigationCostPence,
        long implementationCostPence,
        long oneOffCostsPence,
        long externalFundingPence,
        long netOneOffCostsPence,
        String costSplit,
        Map<UUID, Integer> sharesPercent,
        Map<UUID, Long> populations,
        List<CostShareView> costShares,
        List<SavingView> projectedSavings,
        long projectedAnnualSavingsPence,
        long projectedTotalSavingsPence,
        Map<String, Long> projectedSavingsByYear,
        List<String> benefits,
        List<RiskView> risks,
        boolean staffingImplications,
        @Nullable LocalDate staffConsultedOn,
        @Nullable LocalDate tradeUnionsConsultedOn,
        boolean consultationOutstanding) {

    /** One council's part of the net one-off costs. */
    @Serdeable
    public record CostShareView(UUID authorityId, String authorityName, BigDecimal percent, long pence) {
    }

    /** One council's projected saving in one financial year. */
    @Serdeable
    public record SavingView(UUID authorityId, String authorityName, String financialYear, long annualPence) {
    }

    /** A risk with likelihood and impact from 1 to 5. */
    @Serdeable
    public record RiskView(String category, String description, int likelihood, int impact) {
    }

    static BusinessCaseView of(StoredBusinessCase stored, Function<UUID, String> names) {
        BusinessCase c = stored.businessCase();
        return new BusinessCaseView(stored.version(), stored.submittedBy(), stored.submittedAt(),
                c.investigationCostPence(), c.implementationCostPence(), c.oneOffCostsPence(), c.externalFundingPence(),
                c.netOneOffCostsPence(), c.costSplit().name(), c.sharesPercent(), c.populations(),
                c.costShares().stream().map(s -> new CostShareView(s.authorityId(), names.apply(s.authorityId()),
                        s.percent(), s.pence())).toList(),
                c.projectedSavings().stream().map(s -> new SavingView(s.authorityId(), names.apply(s.authorityId()),
                        s.financialYear(), s.annualPence())).toList(),
                c.projectedAnnualSavingsPence(), c.projectedTotalSavingsPence(), c.projectedSavingsByYear(),
                c.benefits(),
                c.risks().stream().map(r -> new RiskView(r.category().name(), r.description(), r.likelihood(), r.impact()))
                        .toList(),
                c.staffingImplications(), c.staffConsultedOn(), c.tradeUnionsConsultedOn(), c.consultationOutstanding());
    }
}
