package io.concordat.partnerevents.domain;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What one partner system asked to receive, and how: the event types (wildcards allowed), optional
 * filters, and either a webhook or the stream. Only an active subscription is sent anything; a
 * paused one keeps its deliveries until it is resumed; a disabled one (its endpoint answered 410
 * Gone) is sent nothing until the partner changes it.
 *
 * @param regionFilter events shared with any of these regions only; empty for no filter
 * @param areaFilter   events about these service areas (or, for a theme, any area within it) only
 * @param webhook      where events are posted; null for a stream subscription
 */
public record Subscription(UUID id, String partnerId, List<EventTypePattern> types, Set<UUID> regionFilter,
                           Set<String> areaFilter, WebhookUrl webhook, Status status) {

    /** Whether the subscription is being sent events. */
    public enum Status { ACTIVE, PAUSED, DISABLED }

    public Subscription {
        if (types.isEmpty()) {
            throw PartnerRuleException.invalid("event-types", "A subscription names at least one event type.");
        }
        types = List.copyOf(types);
        regionFilter = Set.copyOf(regionFilter);
        areaFilter = Set.copyOf(areaFilter);
    }

    public boolean isWebhook() {
        return webhook != null;
    }

    /** Whether the event is one this subscription asked for (who may read it is the audience's to say). */
    public boolean wants(LoggedEvent event) {
        if (types.stream().noneMatch(t -> t.matches(event.type()))) {
            return false;
        }
        if (!regionFilter.isEmpty() && event.regionIds().stream().noneMatch(regionFilter::contains)) {
            return false;
        }
        if (!areaFilter.isEmpty()) {
            String area = event.serviceArea();
            return area != null && areaFilter.stream().anyMatch(f -> area.equals(f) || area.startsWith(f + "."));
        }
        return true;
    }

    public Subscription withStatus(Status next) {
        return new Subscription(id, partnerId, types, regionFilter, areaFilter, webhook, next);
    }
}
