package io.concordat.reporting.messaging;

import io.concordat.events.EventCodec;
import io.concordat.events.EventEnvelope;
import io.concordat.events.EventTypes;
import io.concordat.events.Topics;
import io.concordat.events.opportunities.v1.BoardRecommendationRecorded;
import io.concordat.events.opportunities.v1.BusinessCaseSubmitted;
import io.concordat.events.opportunities.v1.CouncilDecisionRecorded;
import io.concordat.events.opportunities.v1.OpportunityApproved;
import io.concordat.events.opportunities.v1.OpportunityProposed;
import io.concordat.events.opportunities.v1.OpportunityStageChanged;
import io.concordat.events.opportunities.v1.ParticipantJoined;
import io.concordat.events.opportunities.v1.VacancyClosed;
import io.concordat.events.opportunities.v1.VacancyPosted;
import io.concordat.kit.inbox.EventHandler;
import io.concordat.kit.tenancy.TenantTransactions;
import io.concordat.reporting.store.ProjectionStore;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.util.Set;

/** Builds the pipeline, projected savings, decisions and vacancies from the opportunities topic. */
@Singleton
public class OpportunityProjection implements EventHandler {

    private final ProjectionStore store;
    private final TenantTransactions transactions;
    private final EventCodec codec;

    public OpportunityProjection(ProjectionStore store, TenantTransactions transactions, JsonMapper json) {
        this.store = store;
        this.transactions = transactions;
        this.codec = new EventCodec(json);
    }

    @Override
    public Set<String> topics() {
        return Set.of(Topics.OPPORTUNITIES);
    }

    @Override
    public void handle(EventEnvelope event, String topic) {
        transactions.actAsPlatform();
        String type = event.type();
        if (EventTypes.OPPORTUNITY_PROPOSED.type().equals(type)) {
            OpportunityProposed e = codec.decode(event, EventTypes.OPPORTUNITY_PROPOSED);
            store.opportunityProposed(e.opportunityId(), e.authorityId(), e.title(), e.serviceArea(), e.model(),
                    e.horizon(), e.regionIds(), e.proposedAt());
        } else if (EventTypes.OPPORTUNITY_STAGE_CHANGED.type().equals(type)) {
            OpportunityStageChanged e = codec.decode(event, EventTypes.OPPORTUNITY_STAGE_CHANGED);
            store.stageChanged(e.opportunityId(), e.to(), e.regionIds(), e.changedAt());
        } else if (EventTypes.PARTICIPANT_JOINED.type().equals(type)) {
            ParticipantJoined e = codec.decode(event, EventTypes.PARTICIPANT_JOINED);
            store.participation(e.opportunityId(), e.authorityId(), !"WITHDRAWN".equals(e.status()));
        } else if (EventTypes.BUSINESS_CASE_SUBMITTED.type().equals(type)) {
            BusinessCaseSubmitted e = codec.decode(event, EventTypes.BUSINESS_CASE_SUBMITTED);
            store.businessCase(e.opportunityId(), e.version(), e.projectedSavings().stream()
                    .map(s -> new ProjectionStore.ProjectedSaving(s.authorityId(), s.financialYear(), s.annualPence()))
                    .toList());
        } else if (EventTypes.BOARD_RECOMMENDATION_RECORDED.type().equals(type)) {
            BoardRecommendationRecorded e = codec.decode(event, EventTypes.BOARD_RECOMMENDATION_RECORDED);
            store.recommendation(e.opportunityId(), e.regionId(), e.recommended(), e.rule(), e.inFavour(), e.against(),
                    e.reason(), e.recordedAt());
        } else if (EventTypes.COUNCIL_DECISION_RECORDED.type().equals(type)) {
            CouncilDecisionRecorded e = codec.decode(event, EventTypes.COUNCIL_DECISION_RECORDED);
            store.decision(e.opportunityId(), e.authorityId(), e.outcome(), e.body(), e.decidedOn(), e.minuteReference(),
                    e.recordedAt());
        } else if (EventTypes.OPPORTUNITY_APPROVED.type().equals(type)) {
            OpportunityApproved e = codec.decode(event, EventTypes.OPPORTUNITY_APPROVED);
            store.approved(e.opportunityId(), e.approvedAt());
        } else if (EventTypes.VACANCY_POSTED.type().equals(type)) {
            VacancyPosted e = codec.decode(event, EventTypes.VACANCY_POSTED);
            store.vacancy(e.vacancyId(), e.authorityId(), e.title(), e.serviceArea(), e.grade(), e.closingDate(),
                    e.postedAt());
        } else if (EventTypes.VACANCY_CLOSED.type().equals(type)) {
            VacancyClosed e = codec.decode(event, EventTypes.VACANCY_CLOSED);
            store.vacancyClosed(e.vacancyId(), e.reason(), e.closedOn());
        }
    }
}
