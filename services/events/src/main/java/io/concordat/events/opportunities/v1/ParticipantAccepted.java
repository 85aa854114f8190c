package io.concordat.events.opportunities.v1;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

/** The proposer accepted an authority as a participant. */
@Serdeable
public record ParticipantAccepted(UUID opportunityId, UUID authorityId, String role, String acceptedBy,
                                  Instant acceptedAt) {
}
