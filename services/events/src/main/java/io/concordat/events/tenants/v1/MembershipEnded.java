package io.concordat.events.tenants.v1;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An authority left a region: from {@code leftOn} it no longer sees what the region shares. The
 * membership stays on record as history.
 */
@Serdeable
public record MembershipEnded(UUID regionId, UUID authorityId, LocalDate leftOn, String endedBy, Instant endedAt) {
}
