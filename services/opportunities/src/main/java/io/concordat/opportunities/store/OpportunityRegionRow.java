package io.concordat.opportunities.store;

import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.util.UUID;

/** A region an opportunity is shared with. */
@MappedEntity("opportunity_region")
public record OpportunityRegionRow(@EmbeddedId Key key, UUID authorityId) {

    @Embeddable
    public record Key(@MappedProperty("opportunity_id") UUID opportunityId, @MappedProperty("region_id") UUID regionId) {
    }
}
