package io.concordat.reporting.messaging;

import io.concordat.events.EventTypes;
import io.concordat.events.hosting.v1.ArrangementAgreed;
import io.concordat.events.hosting.v1.ArrangementStarted;
import io.concordat.events.hosting.v1.ArrangementTerminated;
import io.concordat.events.hosting.v1.HostTransferred;
import io.concordat.events.hosting.v1.IndicatorReported;
import io.concordat.events.hosting.v1.RechargeIssued;
import io.concordat.events.hosting.v1.RecipientJoined;
import io.concordat.events.hosting.v1.RecipientLeft;
import io.concordat.events.hosting.v1.ReviewCompleted;
import io.concordat.events.hosting.v1.ReviewScheduled;
import io.concordat.events.hosting.v1.SavingsRecorded;
import io.concordat.kit.inbox.EventSubscriber;
import io.concordat.kit.inbox.Subscriptions;
import io.concordat.reporting.domain.ReportedPeriod;
import io.concordat.reporting.store.ProjectionStore;
import jakarta.inject.Singleton;


/** Builds arrangements, realised savings, recharges, indicators and reviews from the hosting topic. */
@Singleton
public class HostingProjection implements EventSubscriber {

    private final ProjectionStore store;

    public HostingProjection(ProjectionStore store) {
        this.store = store;
    }

    @Override
    public void subscribe(Subscriptions on) {
        on.asPlatform(EventTypes.ARRANGEMENT_AGREED, (e, event) -> {
            store.arrangementAgreed(e.arrangementId(), e.title(), e.serviceArea(), e.hostAuthorityId(),
                    e.recipientAuthorityIds(), e.regionIds(), e.basis(), e.startsOn(), e.endsOn(), e.opportunityId(),
                    e.agreedAt());
        });
        on.asPlatform(EventTypes.ARRANGEMENT_STARTED, (e, event) -> {
            store.arrangementStarted(e.arrangementId());
        });
        on.asPlatform(EventTypes.HOST_TRANSFERRED, (e, event) -> {
            store.hostTransferred(e.arrangementId(), e.toAuthorityId());
        });
        on.asPlatform(EventTypes.RECIPIENT_JOINED, (e, event) -> {
            store.recipientJoined(e.arrangementId(), e.authorityId(), e.joinedOn());
        });
        on.asPlatform(EventTypes.RECIPIENT_LEFT, (e, event) -> {
            store.recipientLeft(e.arrangementId(), e.authorityId(), e.leftOn());
        });
        on.asPlatform(EventTypes.RECHARGE_ISSUED, (e, event) -> {
            store.recharge(event.id(), e.arrangementId(), e.recipientAuthorityId(), e.periodFrom(), e.periodTo(),
                    e.amountPence());
        });
        on.asPlatform(EventTypes.SAVINGS_RECORDED, (e, event) -> {
            store.saving(e.arrangementId(), e.authorityId(), e.financialYear(), e.baselinePence(), e.costPence(),
                    e.savingPence(), e.recordedAt());
        });
        on.asPlatform(EventTypes.INDICATOR_REPORTED, (e, event) -> {
            store.reading(e.arrangementId(), e.indicatorId(), e.indicatorName(), e.recipientAuthorityId(), e.period(),
                    ReportedPeriod.of(e.period(), e.periodFirstDay(), e.periodLastDay(), e.reportedAt()),
                    e.value(), e.target(), e.rating(), e.reportedAt());
        });
        on.asPlatform(EventTypes.REVIEW_SCHEDULED, (e, event) -> {
            store.reviewScheduled(e.arrangementId(), e.reviewId(), e.kind(), e.dueOn());
        });
        on.asPlatform(EventTypes.REVIEW_COMPLETED, (e, event) -> {
            store.reviewCompleted(e.arrangementId(), e.reviewId(), e.kind(), e.outcome(), e.decidedBy(), e.completedOn(),
                    e.note());
        });
        on.asPlatform(EventTypes.ARRANGEMENT_TERMINATED, (e, event) -> {
            store.terminated(e.arrangementId(), e.exitOn(), e.reason());
        });
    }
}
