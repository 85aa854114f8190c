package io.concordat.events.opportunities.v1;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

/**
 * A region's board considered an opportunity and, by its rule, did or did not recommend it. A
 * board recommends; each council decides.
 */
@Serdeable
public record BoardRecommendationRecorded(UUID opportunityId, UUID authorityId, UUID regionId, boolean recommended,
                                          String rule, int inFavour, int against, String reason, Instant recordedAt) {
}
