package io.concordat.tenants.store;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

@MappedEntity("region")
public record RegionRow(@Id UUID id, String name, String kind, Instant createdAt, String createdBy,
                        @Nullable Integer boardMembersPerAuthority, @Nullable String boardRule,
                        @Nullable Integer boardMinimumFromEach) {
}
