package io.concordat.events.opportunities.v1;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An opportunity moved from one stage to another. */
@Serdeable
public record OpportunityStageChanged(UUID opportunityId, UUID authorityId, String from, String to, String changedBy,
                                      @Nullable String note, List<UUID> regionIds, Instant changedAt) {

    /** An absent list means an empty one: some writers leave empty lists out. */
    public OpportunityStageChanged {
        regionIds = regionIds == null ? List.of() : List.copyOf(regionIds);
    }
}
