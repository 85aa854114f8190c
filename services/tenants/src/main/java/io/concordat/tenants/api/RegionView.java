package io.concordat.tenants.api;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A region and its current members. */
@Serdeable
public record RegionView(UUID id, String name, String kind, Instant createdAt, List<Member> members) {

    /** A member authority and since when. */
    @Serdeable
    public record Member(UUID authorityId, String name, LocalDate joinedOn) {
    }
}
