package io.concordat.opportunities.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.UUID;

/**
 * A proposal to work with others on a service.
 *
 * @param title       a short title, e.g. "Shared elections service" (at most 200 characters)
 * @param serviceArea a service area code, e.g. {@code support.elections}
 * @param description what is proposed and why (optional, at most 20,000 characters)
 * @param regionIds   regions to share it with, each one the proposer belongs to; none keeps it
 *                    within the proposing authority
 */
@Serdeable
public record ProposeOpportunityRequest(
        @NotBlank @Size(max = 200) String title,
        @NotBlank @Size(max = 100) String serviceArea,
        @Nullable @Size(max = 20_000) String description,
        @Nullable @Size(max = 20) List<UUID> regionIds) {
}
