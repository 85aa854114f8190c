package io.concordat.events.opportunities.v1;

import io.micronaut.core.annotation.Creator;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A version of an opportunity's business case was submitted. Money is in pence.
 *
 * @param projectedAnnualSavingsPence    kept as first published: every projected saving over the
 *                                       whole case, all years added up (for a one-year case, that
 *                                       year's saving). The full-year figure is
 *                                       {@code projectedFullYearSavingsPence}
 * @param projectedSavings               the savings per authority and financial year; empty in
 *                                       events written before they were carried
 * @param projectedFullYearSavingsPence  the full-year saving the case reaches: each authority's
 *                                       projected saving in the last financial year it projects,
 *                                       added up; null in events written before it was carried
 */
@Serdeable
public record BusinessCaseSubmitted(UUID opportunityId, UUID authorityId, int version, long oneOffCostsPence,
                                    long externalFundingPence, long projectedAnnualSavingsPence,
                                    boolean staffingImplications, Instant submittedAt,
                                    List<ProjectedSaving> projectedSavings,
                                    @Nullable Long projectedFullYearSavingsPence) {

    /** An absent list means an empty one: some writers leave empty lists out. */
    @Creator
    public BusinessCaseSubmitted {
        projectedSavings = projectedSavings == null ? List.of() : List.copyOf(projectedSavings);
    }

    /** The event as written before the full-year saving was carried. */
    public BusinessCaseSubmitted(UUID opportunityId, UUID authorityId, int version, long oneOffCostsPence,
                                 long externalFundingPence, long projectedAnnualSavingsPence,
                                 boolean staffingImplications, Instant submittedAt,
                                 List<ProjectedSaving> projectedSavings) {
        this(opportunityId, authorityId, version, oneOffCostsPence, externalFundingPence, projectedAnnualSavingsPence,
                staffingImplications, submittedAt, projectedSavings, null);
    }

    /**
     * One authority's projected saving in one financial year.
     *
     * @param financialYear 1 April to 31 March, written "2026/27"
     */
    @Serdeable
    public record ProjectedSaving(UUID authorityId, String financialYear, long annualPence) {
    }
}
