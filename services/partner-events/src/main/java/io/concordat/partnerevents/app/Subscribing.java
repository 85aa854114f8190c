package io.concordat.partnerevents.app;

import io.concordat.events.EventType;
import io.concordat.events.EventTypes;
import io.concordat.events.ServiceArea;
import io.concordat.partnerevents.domain.EventTypePattern;
import io.concordat.partnerevents.domain.PartnerRuleException;
import io.concordat.partnerevents.domain.PartnerRuleException.Refusal;
import io.concordat.partnerevents.domain.Subscription;
import io.concordat.partnerevents.domain.WebhookSignature;
import io.concordat.partnerevents.domain.WebhookUrl;
import io.concordat.partnerevents.store.Deliveries;
import io.concordat.partnerevents.store.EventLog;
import io.concordat.partnerevents.store.Subscriptions;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A partner's subscriptions: subscribing, changing, pausing, resuming, rotating the secret, ending. */
@Singleton
public class Subscribing {

    /** How long the old signing secret is still sent beside the new one after a rotation. */
    public static final Duration SECRET_OVERLAP = Duration.ofHours(24);
    private static final List<String> TYPES = EventTypes.ALL.stream().map(EventType::type).toList();

    /** What a partner asks for; exactly one of webhook url and stream. */
    public record Terms(List<String> eventTypes, List<UUID> regionIds, List<String> serviceAreas, String webhookUrl,
                        boolean stream) {
    }

    /** A subscription as created: the signing secret is shown this once. */
    public record Created(Subscriptions.Stored subscription, String signingSecret) {
    }

    private final PartnerTransactions transactions;
    private final Subscriptions subscriptions;
    private final EventLog log;
    private final Deliveries deliveries;
    private final WebhookAddresses addresses;
    private final Clock clock;

    public Subscribing(PartnerTransactions transactions, Subscriptions subscriptions, EventLog log, Deliveries deliveries,
                       WebhookAddresses addresses, Clock clock) {
        this.transactions = transactions;
        this.subscriptions = subscriptions;
        this.log = log;
        this.deliveries = deliveries;
        this.addresses = addresses;
        this.clock = clock;
    }

    public Created subscribe(PartnerIdentity partner, Terms terms) {
        Subscription subscription = subscription(UUID.randomUUID(), partner, terms, Subscription.Status.ACTIVE);
        String secret = subscription.isWebhook() ? WebhookSignature.newSecret() : null;
        return transactions.asPartner(partner, c -> {
            // no event is logged while the subscription takes its start, so none falls between it and the fan-out
            log.holdAppendOrder();
            subscriptions.insert(subscription, partner.authorityId(), partner.regionId(), secret, clock.instant());
            return new Created(subscriptions.find(subscription.id()).orElseThrow(), secret);
        });
    }

    public Subscriptions.Stored change(PartnerIdentity partner, UUID id, Terms terms) {
        return transactions.asPartner(partner, c -> {
            Subscriptions.Stored stored = own(id);
            Subscription changed = subscription(id, partner, terms, stored.subscription().status());
            if (stored.subscription().isWebhook() != changed.isWebhook()) {
                throw PartnerRuleException.invalid("delivery-kind-fixed",
                        "A subscription stays a webhook or a stream; subscribe again for the other.");
            }
            subscriptions.update(changed, stored.statusReason(), clock.instant());
            return own(id);
        });
    }

    public Subscriptions.Stored pause(PartnerIdentity partner, UUID id) {
        return setStatus(partner, id, Subscription.Status.PAUSED, "paused by the partner");
    }

    /** Resumes a paused or disabled subscription; what failed meanwhile is tried again. */
    public Subscriptions.Stored resume(PartnerIdentity partner, UUID id) {
        Subscriptions.Stored resumed = setStatus(partner, id, Subscription.Status.ACTIVE, null);
        transactions.asPartner(partner, c -> {
            deliveries.retryFailed(id, clock.instant());
            return null;
        });
        return resumed;
    }

    public String rotateSecret(PartnerIdentity partner, UUID id) {
        return transactions.asPartner(partner, c -> {
            if (!own(id).subscription().isWebhook()) {
                throw new PartnerRuleException(Refusal.CONFLICT, "stream-has-no-secret", "A stream subscription signs nothing.");
            }
            String secret = WebhookSignature.newSecret();
            subscriptions.rotateSecret(id, secret, clock.instant().plus(SECRET_OVERLAP));
            return secret;
        });
    }

    public void unsubscribe(PartnerIdentity partner, UUID id) {
        transactions.asPartner(partner, c -> {
            own(id);
            return subscriptions.delete(id);
        });
    }

    public Subscriptions.Stored find(PartnerIdentity partner, UUID id) {
        return transactions.asPartner(partner, c -> own(id));
    }

    public List<Subscriptions.Stored> list(PartnerIdentity partner, int offset, int limit) {
        return transactions.asPartner(partner, c -> subscriptions.visible(offset, limit));
    }

    private Subscriptions.Stored setStatus(PartnerIdentity partner, UUID id, Subscription.Status status, String reason) {
        Instant now = clock.instant();
        return transactions.asPartner(partner, c -> {
            Subscriptions.Stored stored = own(id);
            subscriptions.update(stored.subscription().withStatus(status), reason, now);
            return own(id);
        });
    }

    /** Another partner's subscription is as absent as one that never existed. */
    private Subscriptions.Stored own(UUID id) {
        return subscriptions.find(id).orElseThrow(() -> new PartnerRuleException(Refusal.NOT_FOUND,
                "subscription-not-found", "You have no subscription " + id + "."));
    }

    private Subscription subscription(UUID id, PartnerIdentity partner, Terms terms, Subscription.Status status) {
        if (terms.eventTypes() == null || terms.eventTypes().isEmpty() || terms.eventTypes().size() > 50) {
            throw PartnerRuleException.invalid("event-types", "A subscription names between 1 and 50 event types.");
        }
        List<EventTypePattern> types = terms.eventTypes().stream().distinct()
                .map(t -> EventTypePattern.parse(t, TYPES)).toList();
        Set<UUID> regions = new LinkedHashSet<>(terms.regionIds() == null ? List.of() : terms.regionIds());
        if (regions.contains(null) || regions.size() > 50) {
            throw PartnerRuleException.invalid("bad-filter", "A region filter names at most 50 region ids.");
        }
        Set<String> areas = new LinkedHashSet<>(terms.serviceAreas() == null ? List.of() : terms.serviceAreas());
        for (String area : areas) {
            if (area == null || ServiceArea.byCode(area).isEmpty()) {
                throw PartnerRuleException.invalid("bad-filter", "Unknown service area " + area
                        + "; the codes are those of the platform's service areas, e.g. support.finance.");
            }
        }
        boolean webhook = terms.webhookUrl() != null;
        if (webhook == terms.stream()) {
            throw PartnerRuleException.invalid("webhook-or-stream",
                    "A subscription has either a webhookUrl or stream: true, not both and not neither.");
        }
        WebhookUrl url = webhook ? addresses.parse(terms.webhookUrl()) : null;
        return new Subscription(id, partner.clientId(), types, regions, areas, url, status);
    }
}
