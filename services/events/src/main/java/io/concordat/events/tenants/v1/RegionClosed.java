package io.concordat.events.tenants.v1;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A region was closed, by the platform or by the region admins of all its member authorities:
 * nothing more is shared with it and no one joins it; its memberships and what was shared stay on
 * record as history.
 *
 * @param closedOn the last day of the region (UK time)
 * @param closedBy the platform admin, or the last region admin whose agreement closed it
 */
@Serdeable
public record RegionClosed(UUID regionId, String reason, LocalDate closedOn, String closedBy, Instant closedAt) {
}
