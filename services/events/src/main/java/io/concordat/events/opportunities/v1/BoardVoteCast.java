package io.concordat.events.opportunities.v1;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

/**
 * A councillor on a region's board voted on an opportunity before it. Published under the
 * councillor's own authority, which answers for the vote; the recommendation follows separately.
 *
 * @param authorityId  the councillor's authority
 * @param councillorId the councillor's account (the token's subject), never a name or email
 */
@Serdeable
public record BoardVoteCast(UUID opportunityId, UUID regionId, UUID authorityId, String councillorId, boolean inFavour,
                            Instant castAt) {
}
