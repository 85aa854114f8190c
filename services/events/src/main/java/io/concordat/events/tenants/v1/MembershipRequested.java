package io.concordat.events.tenants.v1;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

/** An authority asked to join a region. */
@Serdeable
public record MembershipRequested(UUID requestId, UUID regionId, UUID authorityId, String requestedBy,
                                  Instant requestedAt) {
}
