package io.concordat.events.partners.v1;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

/**
 * A partner system's webhook failed every attempt of a delivery over the whole retry schedule
 * (about three days), so its subscription was paused: nothing more is sent to it until the
 * partner resumes it, and what failed is then sent again. Published for the partner's admins.
 *
 * @param partnerId      the partner system's client id
 * @param authorityId    the authority the partner acts for; null for a region's hub
 * @param regionId       the region whose hub it is; null for an authority's partner
 * @param failingSince   the first failed attempt of the delivery that was given up
 */
@Serdeable
public record WebhookSubscriptionPaused(UUID subscriptionId, String partnerId, @Nullable UUID authorityId,
                                        @Nullable UUID regionId,
                                        String webhookUrl, String reason, Instant failingSince, Instant pausedAt) {
}
