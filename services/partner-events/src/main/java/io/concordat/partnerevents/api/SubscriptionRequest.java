package io.concordat.partnerevents.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;

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
@Schema(examples = "{\"eventTypes\":[\"io.concordat.hosting.*\"],\"serviceAreas\":[\"support\"],\"webhookUrl\":\"https://finance.bromsgrove.gov.uk/concordat/webhooks\"}")
public record SubscriptionRequest(@Nullable @Size(max = 50) List<@Size(max = 200) String> eventTypes,
                                  @Nullable @Size(max = 50) List<UUID> regionIds,
                                  @Nullable @Size(max = 50) List<@Size(max = 100) String> serviceAreas,
                                  @Nullable @Size(max = 2048) String webhookUrl, @Nullable Boolean stream) {
}
