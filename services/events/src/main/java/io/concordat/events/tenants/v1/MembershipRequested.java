package io.concordat.events.tenants.v1;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An authority asked to join a region.
 *
 * @param joinedOn the day the membership is to start, when it is recorded as it was (a partnership
 *                 that pre-dates the platform); absent for "from the day it is approved"
 */
@Serdeable
public record MembershipRequested(UUID requestId, UUID regionId, UUID authorityId, String requestedBy,
                                  Instant requestedAt, @Nullable LocalDate joinedOn) {
}
