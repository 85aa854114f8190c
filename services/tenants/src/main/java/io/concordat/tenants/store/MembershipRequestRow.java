package io.concordat.tenants.store;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@MappedEntity("membership_request")
public record MembershipRequestRow(@Id UUID id, UUID regionId, UUID authorityId, String status, String requestedBy,
                                   Instant requestedAt, @Nullable String decidedBy, @Nullable Instant decidedAt,
                                   @Nullable String reason, @Nullable LocalDate joinedOn) {
}
