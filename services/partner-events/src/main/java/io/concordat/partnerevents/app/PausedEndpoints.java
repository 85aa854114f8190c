package io.concordat.partnerevents.app;

import io.concordat.events.EventEnvelope;
import io.concordat.events.EventTypes;
import io.concordat.events.partners.v1.WebhookSubscriptionPaused;
import io.concordat.kit.outbox.EventPublisher;
import io.concordat.partnerevents.store.Subscriptions;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Tells the partner's admins, through the platform's own topic, that a failing webhook was paused. */
@Singleton
public class PausedEndpoints {

    private final EventPublisher events;
    private final Clock clock;

    public PausedEndpoints(EventPublisher events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /** Inside the transaction that pauses the subscription. */
    public void announce(Subscriptions.Stored s, String reason, Instant failingSince) {
        events.publish(EventTypes.WEBHOOK_SUBSCRIPTION_PAUSED, s.subscription().id().toString(),
                s.authorityId().orElse(EventEnvelope.PLATFORM), s.regionId().map(List::of).orElse(List.of()),
                new WebhookSubscriptionPaused(s.subscription().id(), s.subscription().partnerId(),
                        s.authorityId().orElse(null), s.regionId().orElse(null),
                        s.subscription().webhook().uri().toString(), reason, failingSince, clock.instant()));
    }
}
