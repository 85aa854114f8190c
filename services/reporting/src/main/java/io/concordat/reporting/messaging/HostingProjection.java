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
import io.concordat.kit.tenancy.TenantTransactions;
import io.concordat.reporting.domain.ReportedPeriod;
import io.concordat.reporting.store.ProjectionStore;
import jakarta.inject.Singleton;


/** Builds arrangements, realised savings, recharges, indicators and reviews from the hosting topic. */
@Singleton
public class HostingProjection implements EventSubscriber {

    private final ProjectionStore store;
    private final TenantTransactions transactions;

    public HostingProjection(ProjectionStore store, TenantTransactions transactions) {
        this.store = store;
        this.transactions = transactions;
    }

    @Override
    public void subscribe(Subscriptions on) {
        on.event(EventTypes.ARRANGEMENT_AGREED, (e, event) -> {
            transactions.actAsPlatform();
            store.arrangementAgreed(e.arrangementId(), e.title(), e.serviceArea(), e.hostAuthorityId(),
                    e.recipientAuthorityIds(), e.regionIds(), e.basis(), e.startsOn(), e.endsOn(), e.opportunityId(),
                    e.agreedAt());
        });
        on.event(EventTypes.ARRANGEMENT_STARTED, (e, event) -> {
            transactions.actAsPlatform();
            store.arrangementStarted(e.arrangementId());
        });
        on.event(EventTypes.HOST_TRANSFERRED, (e, event) -> {
            transactions.actAsPlatform();
            store.hostTransferred(e.arrangementId(), e.toAuthorityId());
        });
        on.event(EventTypes.RECIPIENT_JOINED, (e, event) -> {
            transactions.actAsPlatform();
            store.recipientJoined(e.arrangementId(), e.authorityId(), e.joinedOn());
        });
        on.event(EventTypes.RECIPIENT_LEFT, (e, event) -> {
            transactions.actAsPlatform();
            store.recipientLeft(e.arrangementId(), e.authorityId(), e.leftOn());
        });
        on.event(EventTypes.RECHARGE_ISSUED, (e, event) -> {
            transactions.actAsPlatform();
            store.recharge(event.id(), e.arrangementId(), e.recipientAuthorityId(), e.periodFrom(), e.periodTo(),
                    e.amountPence());
        });
        on.event(EventTypes.SAVINGS_RECORDED, (e, event) -> {
            transactions.actAsPlatform();
            store.saving(e.arrangementId(), e.authorityId(), e.financialYear(), e.baselinePence(), e.costPence(),
                    e.savingPence(), e.recordedAt());
        });
        on.event(EventTypes.INDICATOR_REPORTED, (e, event) -> {
            transactions.actAsPlatform();
            store.reading(e.arrangementId(), e.indicatorId(), e.indicatorName(), e.recipientAuthorityId(), e.period(),
                    ReportedPeriod.of(e.period(), e.periodFirstDay(), e.periodLastDay(), e.reportedAt()),
                    e.value(), e.target(), e.rating(), e.reportedAt());
        });
        on.event(EventTypes.REVIEW_SCHEDULED, (e, event) -> {
            transactions.actAsPlatform();
            store.reviewScheduled(e.arrangementId(), e.reviewId(), e.kind(), e.dueOn());
        });
        on.event(EventTypes.REVIEW_COMPLETED, (e, event) -> {
            transactions.actAsPlatform();
            store.reviewCompleted(e.arrangementId(), e.reviewId(), e.kind(), e.outcome(), e.decidedBy(), e.completedOn(),
                    e.note());
        });
        on.event(EventTypes.ARRANGEMENT_TERMINATED, (e, event) -> {
            transactions.actAsPlatform();
            store.terminated(e.arrangementId(), e.exitOn(), e.reason());
        });
    }
}
