package io.concordat.partnerevents.app;

import io.concordat.partnerevents.domain.PartnerRuleException;
import io.concordat.partnerevents.domain.PartnerRuleException.Refusal;
import io.concordat.partnerevents.store.Deliveries;
import io.concordat.partnerevents.store.Subscriptions;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A partner's view of its webhook deliveries and their attempts, and sending them again by hand. */
@Singleton
public class DeliveryLog {

    /** A delivery with every attempt made. */
    @io.micronaut.serde.annotation.Serdeable
    public record Entry(Deliveries.Delivery delivery, List<Deliveries.Attempt> attempts) {
    }

    private final PartnerTransactions transactions;
    private final Subscriptions subscriptions;
    private final Deliveries deliveries;
    private final Clock clock;

    public DeliveryLog(PartnerTransactions transactions, Subscriptions subscriptions, Deliveries deliveries, Clock clock) {
        this.transactions = transactions;
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    public List<Entry> of(PartnerIdentity partner, UUID subscriptionId, int offset, int limit) {
        return transactions.asPartner(partner, c -> {
            ownSubscription(subscriptionId);
            return deliveries.ofSubscription(subscriptionId, offset, limit).stream()
                    .map(d -> new Entry(d, deliveries.attemptsOf(d.id()))).toList();
        });
    }

    public Entry one(PartnerIdentity partner, UUID subscriptionId, UUID deliveryId) {
        return transactions.asPartner(partner, c -> {
            Deliveries.Delivery d = ownDelivery(subscriptionId, deliveryId);
            return new Entry(d, deliveries.attemptsOf(d.id()));
        });
    }

    public void resend(PartnerIdentity partner, UUID subscriptionId, UUID deliveryId) {
        transactions.asPartner(partner, c -> deliveries.resend(ownDelivery(subscriptionId, deliveryId).id(), clock.instant()));
    }

    /** Sends again everything of the subscription whose event happened since the time; returns how many. */
    public int resendSince(PartnerIdentity partner, UUID subscriptionId, Instant since) {
        if (since == null) {
            throw PartnerRuleException.invalid("since", "Say since when, as an instant such as 2026-05-01T09:00:00Z.");
        }
        return transactions.asPartner(partner, c -> {
            ownSubscription(subscriptionId);
            return deliveries.resendSince(subscriptionId, since, clock.instant());
        });
    }

    private void ownSubscription(UUID id) {
        subscriptions.find(id).orElseThrow(() -> new PartnerRuleException(Refusal.NOT_FOUND, "subscription-not-found",
                "You have no subscription " + id + "."));
    }

    private Deliveries.Delivery ownDelivery(UUID subscriptionId, UUID deliveryId) {
        ownSubscription(subscriptionId);
        return deliveries.find(deliveryId).filter(d -> d.subscriptionId().equals(subscriptionId))
                .orElseThrow(() -> new PartnerRuleException(Refusal.NOT_FOUND, "delivery-not-found",
                        "Subscription " + subscriptionId + " has no delivery " + deliveryId + "."));
    }
}
