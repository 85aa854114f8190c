package io.concordat.reporting.messaging;

import io.concordat.events.EventCodec;
import io.concordat.events.EventEnvelope;
import io.concordat.events.EventTypes;
import io.concordat.events.Topics;
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
import io.concordat.kit.inbox.EventHandler;
import io.concordat.kit.tenancy.TenantTransactions;
import io.concordat.reporting.domain.ReportedPeriod;
import io.concordat.reporting.store.ProjectionStore;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.util.Set;

/** Builds arrangements, realised savings, recharges, indicators and reviews from the hosting topic. */
@Singleton
public class HostingProjection implements EventHandler {

    private final ProjectionStore store;
    private final TenantTransactions transactions;
    private final EventCodec codec;

    public HostingProjection(ProjectionStore store, TenantTransactions transactions, JsonMapper json) {
        this.store = store;
        this.transactions = transactions;
        this.codec = new EventCodec(json);
    }

    @Override
    public Set<String> topics() {
        return Set.of(Topics.HOSTING);
    }

    @Override
    public void handle(EventEnvelope event, String topic) {
        transactions.actAsPlatform();
        String type = event.type();
        if (EventTypes.ARRANGEMENT_AGREED.type().equals(type)) {
            ArrangementAgreed e = codec.decode(event, EventTypes.ARRANGEMENT_AGREED);
            store.arrangementAgreed(e.arrangementId(), e.title(), e.serviceArea(), e.hostAuthorityId(),
                    e.recipientAuthorityIds(), e.regionIds(), e.basis(), e.startsOn(), e.endsOn(), e.opportunityId(),
                    e.agreedAt());
        } else if (EventTypes.ARRANGEMENT_STARTED.type().equals(type)) {
            ArrangementStarted e = codec.decode(event, EventTypes.ARRANGEMENT_STARTED);
            store.arrangementStarted(e.arrangementId());
        } else if (EventTypes.HOST_TRANSFERRED.type().equals(type)) {
            HostTransferred e = codec.decode(event, EventTypes.HOST_TRANSFERRED);
            store.hostTransferred(e.arrangementId(), e.toAuthorityId());
        } else if (EventTypes.RECIPIENT_JOINED.type().equals(type)) {
            RecipientJoined e = codec.decode(event, EventTypes.RECIPIENT_JOINED);
            store.recipientJoined(e.arrangementId(), e.authorityId(), e.joinedOn());
        } else if (EventTypes.RECIPIENT_LEFT.type().equals(type)) {
            RecipientLeft e = codec.decode(event, EventTypes.RECIPIENT_LEFT);
            store.recipientLeft(e.arrangementId(), e.authorityId(), e.leftOn());
        } else if (EventTypes.RECHARGE_ISSUED.type().equals(type)) {
            RechargeIssued e = codec.decode(event, EventTypes.RECHARGE_ISSUED);
            store.recharge(event.id(), e.arrangementId(), e.recipientAuthorityId(), e.periodFrom(), e.periodTo(),
                    e.amountPence());
        } else if (EventTypes.SAVINGS_RECORDED.type().equals(type)) {
            SavingsRecorded e = codec.decode(event, EventTypes.SAVINGS_RECORDED);
            store.saving(e.arrangementId(), e.authorityId(), e.financialYear(), e.baselinePence(), e.costPence(),
                    e.savingPence(), e.recordedAt());
        } else if (EventTypes.INDICATOR_REPORTED.type().equals(type)) {
            IndicatorReported e = codec.decode(event, EventTypes.INDICATOR_REPORTED);
            store.reading(e.arrangementId(), e.indicatorId(), e.indicatorName(), e.recipientAuthorityId(), e.period(),
                    ReportedPeriod.of(e.period(), e.periodFirstDay(), e.periodLastDay(), e.reportedAt()),
                    e.value(), e.target(), e.rating(), e.reportedAt());
        } else if (EventTypes.REVIEW_SCHEDULED.type().equals(type)) {
            ReviewScheduled e = codec.decode(event, EventTypes.REVIEW_SCHEDULED);
            store.reviewScheduled(e.arrangementId(), e.reviewId(), e.kind(), e.dueOn());
        } else if (EventTypes.REVIEW_COMPLETED.type().equals(type)) {
            ReviewCompleted e = codec.decode(event, EventTypes.REVIEW_COMPLETED);
            store.reviewCompleted(e.arrangementId(), e.reviewId(), e.kind(), e.outcome(), e.decidedBy(), e.completedOn(),
                    e.note());
        } else if (EventTypes.ARRANGEMENT_TERMINATED.type().equals(type)) {
            ArrangementTerminated e = codec.decode(event, EventTypes.ARRANGEMENT_TERMINATED);
            store.terminated(e.arrangementId(), e.exitOn(), e.reason());
        }
    }
}
