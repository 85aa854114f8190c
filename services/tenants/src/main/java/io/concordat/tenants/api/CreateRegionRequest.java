package io.concordat.tenants.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A region to create with its first members.
 *
 * @param kind               COUNTY_AREA, PARTNERSHIP, STRATEGIC_ALLIANCE, COMMUNITY_PLANNING_PARTNERSHIP,
 *                           IMPROVEMENT_PARTNERSHIP or OTHER
 * @param memberAuthorityIds approved authorities that are members from the start
 * @param board              its board, if it has one
 * @param membersJoinedOn    the day its first members joined, to record a partnership as it was;
 *                           absent for today
 */
@Serdeable
@Schema(examples = "{\"name\":\"Bromsgrove and Redditch strategic alliance\",\"kind\":\"STRATEGIC_ALLIANCE\",\"memberAuthorityIds\":[\"7b2e4c1a-9f3d-4e8b-8c6a-2d5f0e9a4b02\",\"0d8b5a8e-3c1f-4c55-9a55-6a8f1d1c2b01\"],\"board\":{\"membersPerAuthority\":3,\"rule\":\"CONSENSUS_ELSE_MINIMUM_FROM_EACH\",\"minimumFromEach\":2},\"membersJoinedOn\":\"2008-04-01\"}")
public record CreateRegionRequest(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 40) String kind,
        @NotEmpty @Size(max = 500) List<UUID> memberAuthorityIds,
        @Nullable @Valid BoardRequest board,
        @Nullable LocalDate membersJoinedOn) {
}
