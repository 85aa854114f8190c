package io.concordat.hosting.app;

import io.concordat.events.EventTypes;
import io.concordat.events.hosting.v1.ReviewCompleted;
import io.concordat.hosting.domain.Arrangement;
import io.concordat.hosting.domain.HostingRuleException;
import io.concordat.hosting.domain.HostingRuleException.Refusal;
import io.concordat.hosting.domain.ReviewOutcome;
import io.concordat.hosting.store.ArrangementStore;
import io.concordat.hosting.store.PerformanceStore;
import io.concordat.kit.outbox.EventPublisher;
import io.concordat.kit.problem.ProblemException;
import io.concordat.kit.tenancy.Caller;
import io.concordat.kit.tenancy.TenantTransactions;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Scheduled reviews of an arrangement (e.g. a trial's 6-month review): the host puts one in the
 * diary and records how it ended; continue, vary, or terminate, which ends the arrangement that day.
 */
@Singleton
public class Reviews {

    private final TenantTransactions transactions;
    private final ArrangementStore store;
    private final PerformanceStore performance;
    private final ArrangementCommands commands;
    private final Arrangements arrangements;
    private final EventPublisher events;

    public Reviews(TenantTransactions transactions, ArrangementStore store, PerformanceStore performance,
                   ArrangementCommands commands, Arrangements arrangements, EventPublisher events) {
        this.transactions = transactions;
        this.store = store;
        this.performance = performance;
        this.commands = commands;
        this.arrangements = arrangements;
        this.events = events;
    }

    /** The host schedules a review; the arrangement's reviews follow. */
    public List<PerformanceStore.Review> schedule(Caller caller, UUID id, String kind, LocalDate dueOn) {
        return transactions.write(caller, connection -> {
            Arrangement a = load(id);
            a.requireHost(caller.requireAuthority());
            commands.scheduleReview(id, a.hostAuthorityId(), row(id).regionIds(), kind, dueOn);
            return performance.reviews(id);
        });
    }

    public List<PerformanceStore.Review> reviews(Caller caller, UUID id) {
        return transactions.read(caller, connection -> {
            row(id);
            return performance.reviews(id);
        });
    }

    /** The host records how a review ended; a review is completed once. */
    public void complete(Caller caller, UUID id, UUID reviewId, ReviewOutcome outcome, String decidedBy,
                         LocalDate completedOn, String note) {
        transactions.write(caller, connection -> {
            Arrangement a = load(id);
            a.requireHost(caller.requireAuthority());
            List<UUID> regions = row(id).regionIds();
            String kind = performance.reviews(id).stream().filter(x -> x.id().equals(reviewId)).findFirst()
                    .map(PerformanceStore.Review::kind).orElseThrow(() -> ProblemException.notFound("review-not-found",
                            "The arrangement has no review " + reviewId + "."));
            if (performance.completeReview(reviewId, outcome.name(), decidedBy, completedOn, note) == 0) {
                throw new HostingRuleException(Refusal.CONFLICT, "review-completed", "That review was already completed.");
            }
            store.log(id, kind + " by " + decidedBy + ": " + outcome.name().toLowerCase(), caller.subject());
            events.publish(EventTypes.REVIEW_COMPLETED, id.toString(), a.hostAuthorityId(), regions,
                    new ReviewCompleted(id, reviewId, kind, outcome.name(), decidedBy, completedOn, note, Instant.now()));
            if (outcome == ReviewOutcome.TERMINATE) {
                arrangements.end(caller, id, completedOn, "Review by " + decidedBy + ": terminate");
            } else {
                store.setStatus(id, outcome.statusAfter().name());
            }
            return null;
        });
    }

    private Arrangement load(UUID id) {
        return store.load(id).orElseThrow(() -> Arrangements.notFound(id));
    }

    private ArrangementStore.Arrangement row(UUID id) {
        return store.find(id).orElseThrow(() -> Arrangements.notFound(id));
    }
}
