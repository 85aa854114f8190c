package io.concordat.opportunities.store;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An opportunity as stored. */
public record OpportunityRow(
        UUID id,
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
