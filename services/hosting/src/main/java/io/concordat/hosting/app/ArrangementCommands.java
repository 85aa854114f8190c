package io.concordat.hosting.app;

import io.concordat.events.EventTypes;
import io.concordat.events.hosting.v1.ArrangementAgreed;
import io.concordat.events.hosting.v1.RecipientInvited;
import io.concordat.events.hosting.v1.RecipientJoined;
import io.concordat.events.hosting.v1.ReviewScheduled;
import io.concordat.hosting.domain.ArrangementStatus;
import io.concordat.hosting.domain.Basis;
import io.concordat.hosting.domain.Consent;
import io.concordat.hosting.domain.CostAllocation;
import io.concordat.hosting.domain.Recipient;
import io.concordat.hosting.domain.Terms;
import io.concordat.hosting.store.ArrangementStore;
import io.concordat.hosting.store.PerformanceStore;
import io.concordat.kit.directory.AuthorityDirectory;
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
 * approved. A recipient that has already decided to take part (by its decision on the
 * opportunity) joins at once; one only asked joins when it accepts.
 */
@Singleton
public class ArrangementCommands {

    private final ArrangementStore store;
    private final PerformanceStore performance;
    private final EventPublisher events;
    private final AuthorityDirectory authorities;

    public ArrangementCommands(ArrangementStore store, PerformanceStore performance, EventPublisher events,
                               AuthorityDirectory authorities) {
        this.store = store;
        this.performance = performance;
        this.events = events;
        this.authorities = authorities;
    }

    public UUID agree(String title, String serviceArea, UUID host, Terms terms, CostAllocation allocation,
                      Integer noticeMonths, String reference, String legalBasis, List<UUID> regions,
                      List<Recipient> recipients, UUID opportunityId, String agreedBy) {
        UUID id = UUID.randomUUID();
        List<Recipient> joining = recipients.stream().filter(r -> r.consent() == Consent.ACCEPTED).toList();
        List<Recipient> asked = recipients.stream().filter(Recipient::isAsked).toList();
        List<UUID> parties = new ArrayList<>(List.of(host));
        joining.stream().map(Recipient::authorityId).filter(a -> !parties.contains(a)).forEach(parties::add);
        Instant now = Instant.now();
        store.insert(new ArrangementStore.Arrangement(id, title, serviceArea, host, parties, regions, terms.basis().name(),
                terms.startsOn(), terms.endsOn(), terms.reviewOn(), terms.interimCondition(), null,
                terms.capacityDaysPerWeek(), terms.capacityNote(), allocation.name(), noticeMonths, reference, legalBasis,
                ArrangementStatus.AGREED.name(), opportunityId, null, null), agreedBy, now);
        store.startHostPeriod(id, host, terms.startsOn());
        store.log(id, "Agreed: " + terms.basis().name().toLowerCase().replace('_', ' ') + ", from " + terms.startsOn(), agreedBy);
        recipients.forEach(r -> store.addRecipient(id, r, agreedBy, now));
        asked.forEach(r -> {
            store.awaitAnswer(id, r.authorityId());
            store.log(id, "Asked " + authorities.nameOf(r.authorityId()) + " to receive the service from " + r.joinedOn(), agreedBy);
        });
        events.publish(EventTypes.ARRANGEMENT_AGREED, id.toString(), host, regions, new ArrangementAgreed(id, title,
                serviceArea, host, joining.stream().map(Recipient::authorityId).toList(),
                terms.basis().name(), terms.startsOn(), terms.endsOn(), opportunityId, allocation.name(), regions, now));
        joining.forEach(r -> events.publish(EventTypes.RECIPIENT_JOINED, id.toString(), host, regions,
                new RecipientJoined(id, r.authorityId(), r.joinedOn(), now)));
        asked.forEach(r -> events.publish(EventTypes.RECIPIENT_INVITED, id.toString(), host, regions,
                new RecipientInvited(id, host, r.authorityId(), r.joinedOn(), agreedBy, now)));
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
