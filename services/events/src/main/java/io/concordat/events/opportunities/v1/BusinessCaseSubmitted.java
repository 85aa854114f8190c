package io.concordat.events.opportunities.v1;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

/**
 * A version of an opportunity's business case was submitted. Money is in pence.
 *
 * @param projectedAnnualSavingsPence the projected annual savings of all authorities added up
 */
@Serdeable
public record BusinessCaseSubmitted(UUID opportunityId, UUID authorityId, int version, long oneOffCostsPence,
                                    long externalFundingPence, long projectedAnnualSavingsPence,
                                    boolean staffingImplications, Instant submittedAt) {
}
