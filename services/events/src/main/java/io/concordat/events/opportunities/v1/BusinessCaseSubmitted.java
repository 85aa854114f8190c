package io.concordat.events.opportunities.v1;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A version of an opportunity's business case was submitted. Money is in pence.
 *
 * @param projectedAnnualSavingsPence the projected annual savings of all authorities added up
 * @param projectedSavings            the same savings per authority and financial year; empty in
 *                                    events written before they were carried
 */
@Serdeable
public record BusinessCaseSubmitted(UUID opportunityId, UUID authorityId, int version, long oneOffCostsPence,
                                    long externalFundingPence, long projectedAnnualSavingsPence,
                                    boolean staffingImplications, Instant submittedAt,
                                    List<ProjectedSaving> projectedSavings) {

    /** An absent list means an empty one: some writers leave empty lists out. */
    public BusinessCaseSubmitted {
        projectedSavings = projectedSavings == null ? List.of() : List.copyOf(projectedSavings);
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
