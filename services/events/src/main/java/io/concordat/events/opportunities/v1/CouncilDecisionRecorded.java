package io.concordat.events.opportunities.v1;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One council's decision on an opportunity.
 *
 * @param outcome APPROVE, REJECT or DEFER
 * @param body    CABINET, EXECUTIVE, FULL_COUNCIL, COMMITTEE or OFFICER_DELEGATED
 */
@Serdeable
public record CouncilDecisionRecorded(UUID opportunityId, UUID authorityId, String outcome, String body,
                                      LocalDate decidedOn, String minuteReference, Instant recordedAt) {
}
