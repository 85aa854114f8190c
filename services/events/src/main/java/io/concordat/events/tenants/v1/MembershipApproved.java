package io.concordat.events.tenants.v1;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A region admitted an authority: it is a member from {@code joinedOn}. */
@Serdeable
public record MembershipApproved(UUID requestId, UUID regionId, UUID authorityId, LocalDate joinedOn, String approvedBy,
                                 Instant approvedAt) {
}
