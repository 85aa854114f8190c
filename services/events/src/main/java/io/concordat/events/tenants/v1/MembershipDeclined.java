package io.concordat.events.tenants.v1;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

/** A region declined an authority's request to join. */
@Serdeable
public record MembershipDeclined(UUID requestId, UUID regionId, UUID authorityId, String reason, String declinedBy,
                                 Instant declinedAt) {
}
