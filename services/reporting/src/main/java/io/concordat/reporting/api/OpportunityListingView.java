package io.concordat.reporting.api;

import io.concordat.reporting.domain.Listing;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

/** An opportunity in a region's list, with its stage and when it last moved. */
@Serdeable
public record OpportunityListingView(UUID opportunityId, String title, UUID authorityId, String authorityName,
                                     String serviceArea, String theme, String model, String horizon, String stage,
                                     Instant proposedAt, Instant stageChangedAt) {

    static OpportunityListingView of(Listing.Opportunity o) {
        return new OpportunityListingView(o.opportunityId(), o.title(), o.authorityId(), o.authorityName(), o.serviceArea(),
                o.theme(), o.model(), o.horizon(), o.stage(), o.proposedAt(), o.stageChangedAt());
    }
}
