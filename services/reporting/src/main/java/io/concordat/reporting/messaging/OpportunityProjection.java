package io.concordat.reporting.messaging;

import io.concordat.events.EventTypes;
import io.concordat.events.opportunities.v1.BoardRecommendationRecorded;
import io.concordat.events.opportunities.v1.BusinessCaseSubmitted;
import io.concordat.events.opportunities.v1.CouncilDecisionRecorded;
import io.concordat.events.opportunities.v1.OpportunityApproved;
import io.concordat.events.opportunities.v1.OpportunityProposed;
import io.concordat.events.opportunities.v1.OpportunityStageChanged;
import io.concordat.events.opportunities.v1.ParticipantJoined;
import io.concordat.events.opportunities.v1.VacancyClosed;
import io.concordat.events.opportunities.v1.VacancyPosted;
import io.concordat.kit.inbox.EventSubscriber;
import io.concordat.kit.inbox.Subscriptions;
import io.concordat.reporting.store.ProjectionStore;
import jakarta.inject.Singleton;


/** Builds the pipeline, projected savings, decisions and vacancies from the opportunities topic. */
@Singleton
public class OpportunityProjection implements EventSubscriber {

    private final ProjectionStore store;

    public OpportunityProjection(ProjectionStore store) {
        this.store = store;
    }

    @Override
    public void subscribe(Subscriptions on) {
        on.asPlatform(EventTypes.OPPORTUNITY_PROPOSED, (e, event) -> {
            store.opportunityProposed(e.opportunityId(), e.authorityId(), e.title(), e.serviceArea(), e.model(),
                    e.horizon(), e.regionIds(), e.proposedAt());
        });
        on.asPlatform(EventTypes.OPPORTUNITY_STAGE_CHANGED, (e, event) -> {
            store.stageChanged(e.opportunityId(), e.to(), e.regionIds(), e.changedAt());
        });
        on.asPlatform(EventTypes.PARTICIPANT_JOINED, (e, event) -> {
            store.participation(e.opportunityId(), e.authorityId(), !"WITHDRAWN".equals(e.status()));
        });
        on.asPlatform(EventTypes.BUSINESS_CASE_SUBMITTED, (e, event) -> {
            store.businessCase(e.opportunityId(), e.version(), e.projectedSavings().stream()
                    .map(s -> new ProjectionStore.ProjectedSaving(s.authorityId(), s.financialYear(), s.annualPence()))
                    .toList());
        });
        on.asPlatform(EventTypes.BOARD_RECOMMENDATION_RECORDED, (e, event) -> {
            store.recommendation(e.opportunityId(), e.regionId(), e.recommended(), e.rule(), e.inFavour(), e.against(),
                    e.reason(), e.recordedAt());
        });
        on.asPlatform(EventTypes.COUNCIL_DECISION_RECORDED, (e, event) -> {
            store.decision(e.opportunityId(), e.authorityId(), e.outcome(), e.body(), e.decidedOn(), e.minuteReference(),
                    e.recordedAt());
        });
        on.asPlatform(EventTypes.OPPORTUNITY_APPROVED, (e, event) -> {
            store.approved(e.opportunityId(), e.approvedAt());
        });
        on.asPlatform(EventTypes.VACANCY_POSTED, (e, event) -> {
            store.vacancy(e.vacancyId(), e.authorityId(), e.title(), e.serviceArea(), e.grade(), e.closingDate(),
                    e.postedAt());
        });
        on.asPlatform(EventTypes.VACANCY_CLOSED, (e, event) -> {
            store.vacancyClosed(e.vacancyId(), e.reason(), e.closedOn());
        });
    }
}
