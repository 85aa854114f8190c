package io.concordat.events.opportunities.v1;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An authority has proposed to work with others on a service.
 *
 * @param opportunityId the opportunity's id
 * @param authorityId   the proposing authority
 * @param title         a short title, e.g. "Shared elections service"
 * @param serviceArea   the service area's code, e.g. {@code support.elections}
 * @param description   what is proposed, in the proposer's words
 * @param regionIds     the regions it is visible to; empty when only the proposer sees it
 * @param proposedBy    the person who proposed it (their subject in the identity provider)
 * @param proposedAt    when it was proposed
 * @param model         the collaboration model on seed 001's continuum, e.g. {@code JOINT_PROVISION_WITH_HOST};
 *                      absent in events written before it was carried
 * @param horizon       QUICK_WIN, MEDIUM_TERM or LONG_TERM; absent in events written before it was carried
 */
@Serdeable
public record OpportunityProposed(
        UUID opportunityId,
        UUID authorityId,
        String title,
        String serviceArea,
        @Nullable String description,
        List<UUID> regionIds,
        String proposedBy,
        Instant proposedAt,
        @Nullable String model,
        @Nullable String horizon) {

    /** An absent list means an empty one: some writers leave empty lists out. */
    public OpportunityProposed {
        regionIds = regionIds == null ? List.of() : List.copyOf(regionIds);
    }
}
