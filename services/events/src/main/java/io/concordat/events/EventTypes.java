package io.concordat.events;

import io.concordat.events.opportunities.v1.OpportunityProposed;
import io.concordat.events.tenants.v1.AuthorityRegistered;
import io.concordat.events.tenants.v1.RegionCreated;

import java.util.List;
import java.util.Optional;

/** Every event type the platform publishes. */
public final class EventTypes {

    public static final EventType<AuthorityRegistered> AUTHORITY_REGISTERED =
            new EventType<>("io.concordat.authority.registered.v1", AuthorityRegistered.class, Topics.TENANTS);

    public static final EventType<RegionCreated> REGION_CREATED =
            new EventType<>("io.concordat.region.created.v1", RegionCreated.class, Topics.TENANTS);

    public static final EventType<OpportunityProposed> OPPORTUNITY_PROPOSED =
            new EventType<>("io.concordat.opportunity.proposed.v1", OpportunityProposed.class, Topics.OPPORTUNITIES);

    public static final List<EventType<?>> ALL = List.of(AUTHORITY_REGISTERED, REGION_CREATED, OPPORTUNITY_PROPOSED);

    private EventTypes() {
    }

    public static Optional<EventType<?>> byType(String type) {
        return ALL.stream().filter(t -> t.type().equals(type)).findFirst();
    }
}
