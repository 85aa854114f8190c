package io.concordat.partnerevents.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.UUID;

/**
 * What a partner subscribes to.
 *
 * @param eventTypes   event types; a prefix ending in {@code .*}, or {@code *} for all
 * @param regionIds    only events shared with one of these regions
 * @param serviceAreas only events about these service areas (a theme such as {@code support} takes in its areas)
 * @param webhookUrl   where events are posted (https); absent for a stream subscription
 * @param stream       true for a subscription read through the stream instead of a webhook
 */
@Serdeable
public record SubscriptionRequest(@Nullable List<String> eventTypes, @Nullable List<UUID> regionIds,
                                  @Nullable List<String> serviceAreas, @Nullable String webhookUrl,
                                  @Nullable Boolean stream) {
}
