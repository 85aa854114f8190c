package io.concordat.tenants.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A region, its board and its members.
 *
 * @param members current members, or with {@code history=true} every membership, past ones with {@code leftOn}
 */
@Serdeable
public record RegionView(UUID id, String name, String kind, Instant createdAt, @Nullable Board board,
                         List<Member> members) {

    /** A member authority, since when, and until when if it left. */
    @Serdeable
    public record Member(UUID authorityId, String name, LocalDate joinedOn, @Nullable LocalDate leftOn) {
    }

    /** How the region's board recommends. */
    @Serdeable
    public record Board(int membersPerAuthority, String rule, @Nullable Integer minimumFromEach) {
    }
}
