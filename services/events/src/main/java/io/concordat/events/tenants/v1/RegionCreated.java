package io.concordat.events.tenants.v1;

import io.micronaut.core.annotation.Creator;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A region (a county area, a partnership, a strategic alliance...) has been created, with the
 * authorities that are its first members.
 *
 * @param regionId           the region's id
 * @param name               e.g. "Bromsgrove and Redditch Strategic Alliance"
 * @param kind               county area, partnership, strategic alliance, ...
 * @param memberAuthorityIds the authorities that are members from the start
 * @param createdAt          when it was created
 * @param membersJoinedOn    the day its first members joined, when the region is recorded as it was
 *                           (a partnership older than the platform); absent for the day it was created
 */
@Serdeable
public record RegionCreated(
        UUID regionId,
        String name,
        String kind,
        List<UUID> memberAuthorityIds,
        Instant createdAt,
        @Nullable LocalDate membersJoinedOn) {

    /** A region whose first members join on the day it is created. */
    public RegionCreated(UUID regionId, String name, String kind, List<UUID> memberAuthorityIds, Instant createdAt) {
        this(regionId, name, kind, memberAuthorityIds, createdAt, null);
    }

    /** An absent list means an empty one: some writers leave empty lists out. */
    @Creator
    public RegionCreated {
        memberAuthorityIds = memberAuthorityIds == null ? List.of() : List.copyOf(memberAuthorityIds);
    }
}
