package io.concordat.opportunities.store;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@MappedEntity("opportunity")
public record OpportunityRow(
        @Id UUID id,
        UUID authorityId,
        String title,
        String serviceArea,
        @Nullable String description,
        String stage,
        String proposedBy,
        Instant proposedAt,
        @Nullable String model,
        @Nullable String trigger,
        String horizon,
        @Nullable LocalDate targetDecisionOn,
        @Nullable LocalDate targetStartOn,
        boolean approvedPublished,
        @Nullable UUID boardRegionId) {
}
