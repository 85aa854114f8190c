package io.concordat.opportunities.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.UUID;

/**
 * Opens an opportunity to share a vacant post instead of recruiting to it.
 *
 * @param role      the part the council whose post it is takes: PROSPECTIVE_RECIPIENT (the
 *                  default: another council would host the shared post), PROSPECTIVE_HOST or PROPOSER
 * @param regionIds regions to share it with, each one the council belongs to; by default all of them
 */
@Serdeable
@Schema(examples = "{\"role\":\"PROSPECTIVE_RECIPIENT\",\"regionIds\":[\"3a9c7e5b-1d2f-4a6b-9e8c-5f4d3c2b1a03\"]}")
public record OpenOpportunityRequest(@Nullable String role, @Nullable @Size(max = 20) List<UUID> regionIds) {
}
