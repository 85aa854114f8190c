package io.concordat.tenants.store;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.time.LocalDate;
import java.util.UUID;

@MappedEntity("region_member")
public record RegionMemberRow(@EmbeddedId Key key, @Nullable LocalDate leftOn) {

    @Embeddable
    public record Key(@MappedProperty("region_id") UUID regionId, @MappedProperty("authority_id") UUID authorityId,
                      @MappedProperty("joined_on") LocalDate joinedOn) {
    }
}
