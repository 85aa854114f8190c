package io.concordat.tenants.store;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.LocalDate;
import java.util.UUID;

/** One period of an authority's membership of a region: from {@code joinedOn} until {@code leftOn} (exclusive). */
@MappedEntity("region_member")
public record RegionMemberRow(@Id UUID id, UUID regionId, UUID authorityId, LocalDate joinedOn,
                              @Nullable LocalDate leftOn) {
}
