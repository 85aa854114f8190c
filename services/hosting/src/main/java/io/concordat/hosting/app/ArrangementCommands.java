package io.concordat.hosting.api;

import io.concordat.events.EventTypes;
import io.concordat.events.hosting.v1.ArrangementAgreed;
import io.concordat.events.hosting.v1.RecipientJoined;
import io.concordat.events.hosting.v1.ReviewScheduled;
import io.concordat.hosting.domain.ArrangementStatus;
import io.concordat.hosting.domain.Basis;
import io.concordat.hosting.domain.CostAllocation;
import io.concordat.hosting.domain.Terms;
import io.concordat.hosting.store.ArrangementStore;
import io.concordat.hosting.store.PerformanceStore;
import io.concordat.kit.outbox.EventPublisher;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Agrees an arrangement: writes it, its first host period, its recipients and its first review,
 * with their events, in the caller's transaction. Used by the API and when an opportunity is
 * approved.
 */
@Singleton
public class ArrangementCommands {

    private final ArrangementStore store;
    private final PerformanceStore performance;
    private final EventPublisher events;

    public ArrangementCommands(ArrangementStore store, PerformanceStore performance, EventPublisher events) {
        this.store = store;
        this.performance = performance;
        this.events = events;
    }

    public UUID agree(String title, String serviceArea, UUID host, Terms terms, CostAllocation allocation,
                      Integer noticeMonths, String reference, String legalBasis, List<UUID> regions,
                      List<ArrangementStore.Recipient> recipients, UUID opportunityId, String agreedBy) {
        UUID id = UUID.randomUUID();
        List<UUID> parties = new ArrayList<>(List.of(host));
        recipients.stream().map(ArrangementStore.Recipient::authorityId).filter(a -> !parties.contains(a)).forEach(parties::add);
        Instant now = Instant.now();
        store.insert(new ArrangementStore.Arrangement(id, title, serviceArea, host, parties, regions, terms.basis().name(),
                terms.startsOn(), terms.endsOn(), terms.reviewOn(), terms.interimCondition(), null,
                terms.capacityDaysPerWeek(), terms.capacityNote(), allocation.name(), noticeMonths, reference, legalBasis,
                ArrangementStatus.AGREED.name(), opportunityId, null, null), agreedBy, now);
        store.startHostPeriod(id, host, terms.startsOn());
        store.log(id, "Agreed: " + terms.basis().name().toLowerCase().replace('_', ' ') + ", from " + terms.startsOn(), agreedBy);
        recipients.forEach(r -> store.addRecipient(id, r));
        events.publish(EventTypes.ARRANGEMENT_AGREED, id.toString(), host, regions, new ArrangementAgreed(id, title,
                serviceArea, host, recipients.stream().map(ArrangementStore.Recipient::authorityId).toList(),
                terms.basis().name(), terms.startsOn(), terms.endsOn(), opportunityId, allocation.name(), regions, now));
        recipients.forEach(r -> events.publish(EventTypes.RECIPIENT_JOINED, id.toString(), host, regions,
                new RecipientJoined(id, r.authorityId(), r.joinedOn(), now)));
        if (terms.reviewOn() != null) {
            scheduleReview(id, host, regions, terms.basis() == Basis.TRIAL ? "Trial review" : "Review", terms.reviewOn());
        }
        return id;
    }

    /** Puts a review in the diary; reporting lists it among what falls due. */
    public void scheduleReview(UUID arrangementId, UUID host, List<UUID> regions, String kind, LocalDate dueOn) {
        UUID reviewId = UUID.randomUUID();
        performance.scheduleReview(reviewId, arrangementId, kind, dueOn);
        events.publish(EventTypes.REVIEW_SCHEDULED, arrangementId.toString(), host, regions,
                new ReviewScheduled(arrangementId, reviewId, kind, dueOn, Instant.now()));
    }
}
