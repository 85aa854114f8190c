package io.concordat.partnerevents.api;

import io.concordat.partnerevents.domain.EventTypePattern;
import io.concordat.partnerevents.store.Subscriptions;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A subscription as its partner sees it.
 *
 * @param signingSecret the {@code whsec_} secret that signs its webhooks: present only in the answer
 *                      that created or rotated it, never again
 * @param statusReason  why it is paused or disabled, when it is
 */
@Serdeable
public record SubscriptionView(UUID id, List<String> eventTypes, List<UUID> regionIds, List<String> serviceAreas,
                               @Nullable String webhookUrl, boolean stream, String status, @Nullable String statusReason,
                               Instant createdAt, @Nullable String signingSecret) {

    static SubscriptionView of(Subscriptions.Stored s, String secret) {
        var sub = s.subscription();
        return new SubscriptionView(sub.id(), sub.types().stream().map(EventTypePattern::value).toList(),
                List.copyOf(sub.regionFilter()), List.copyOf(sub.areaFilter()),
                sub.isWebhook() ? sub.webhook().uri().toString() : null, !sub.isWebhook(), sub.status().name(),
                s.statusReason(), s.createdAt(), secret);
    }
}
