package io.concordat.events.opportunities.v1;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

/**
 * An authority expressed interest in an opportunity or committed to it, or changed its role.
 *
 * @param role   PROPOSER, PROSPECTIVE_HOST, PROSPECTIVE_RECIPIENT or INTERESTED
 * @param status INTERESTED, COMMITTED or WITHDRAWN
 */
@Serdeable
public record ParticipantJoined(UUID opportunityId, UUID authorityId, String role, String status, boolean accepted,
                                Instant joinedAt) {
}
