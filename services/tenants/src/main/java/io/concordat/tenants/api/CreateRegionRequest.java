package io.concordat.tenants.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
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
public record CreateRegionRequest(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 40) String kind,
        @NotEmpty @Size(max = 500) List<UUID> memberAuthorityIds,
        @Nullable @Valid BoardRequest board,
        @Nullable LocalDate membersJoinedOn) {
}
