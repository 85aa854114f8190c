package io.concordat.events.opportunities.v1;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Enough councils approved an opportunity for it to go ahead: a host and at least one recipient.
 * The hosting service turns this into a hosting arrangement. Published once per opportunity.
 *
 * @param hostAuthorityId       the council that will host the service
 * @param recipientAuthorityIds the councils that approved receiving it
 */
@Serdeable
public record OpportunityApproved(UUID opportunityId, UUID proposerAuthorityId, String title, String serviceArea,
                                  String model, UUID hostAuthorityId, List<UUID> recipientAuthorityIds,
                                  List<UUID> regionIds, Instant approvedAt) {

    /** An absent list means an empty one: some writers leave empty lists out. */
    public OpportunityApproved {
        recipientAuthorityIds = recipientAuthorityIds == null ? List.of() : List.copyOf(recipientAuthorityIds);
        regionIds = regionIds == null ? List.of() : List.copyOf(regionIds);
    }
}
