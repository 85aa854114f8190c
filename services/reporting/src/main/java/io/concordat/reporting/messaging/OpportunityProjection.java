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
import io.concordat.kit.tenancy.TenantTransactions;
import io.concordat.reporting.store.ProjectionStore;
import jakarta.inject.Singleton;


/** Builds the pipeline, projected savings, decisions and vacancies from the opportunities topic. */
@Singleton
public class OpportunityProjection implements EventSubscriber {

    private final ProjectionStore store;
    private final TenantTransactions transactions;

    public OpportunityProjection(ProjectionStore store, TenantTransactions transactions) {
        this.store = store;
        this.transactions = transactions;
    }

    @Override
    public void subscribe(Subscriptions on) {
        on.event(EventTypes.OPPORTUNITY_PROPOSED, (e, event) -> {
            transactions.actAsPlatform();
            store.opportunityProposed(e.opportunityId(), e.authorityId(), e.title(), e.serviceArea(), e.model(),
                    e.horizon(), e.regionIds(), e.proposedAt());
        });
        on.event(EventTypes.OPPORTUNITY_STAGE_CHANGED, (e, event) -> {
            transactions.actAsPlatform();
            store.stageChanged(e.opportunityId(), e.to(), e.regionIds(), e.changedAt());
        });
        on.event(EventTypes.PARTICIPANT_JOINED, (e, event) -> {
            transactions.actAsPlatform();
            store.participation(e.opportunityId(), e.authorityId(), !"WITHDRAWN".equals(e.status()));
        });
        on.event(EventTypes.BUSINESS_CASE_SUBMITTED, (e, event) -> {
            transactions.actAsPlatform();
            store.businessCase(e.opportunityId(), e.version(), e.projectedSavings().stream()
                    .map(s -> new ProjectionStore.ProjectedSaving(s.authorityId(), s.financialYear(), s.annualPence()))
                    .toList());
        });
        on.event(EventTypes.BOARD_RECOMMENDATION_RECORDED, (e, event) -> {
            transactions.actAsPlatform();
            store.recommendation(e.opportunityId(), e.regionId(), e.recommended(), e.rule(), e.inFavour(), e.against(),
                    e.reason(), e.recordedAt());
        });
        on.event(EventTypes.COUNCIL_DECISION_RECORDED, (e, event) -> {
            transactions.actAsPlatform();
            store.decision(e.opportunityId(), e.authorityId(), e.outcome(), e.body(), e.decidedOn(), e.minuteReference(),
                    e.recordedAt());
        });
        on.event(EventTypes.OPPORTUNITY_APPROVED, (e, event) -> {
            transactions.actAsPlatform();
            store.approved(e.opportunityId(), e.approvedAt());
        });
        on.event(EventTypes.VACANCY_POSTED, (e, event) -> {
            transactions.actAsPlatform();
            store.vacancy(e.vacancyId(), e.authorityId(), e.title(), e.serviceArea(), e.grade(), e.closingDate(),
                    e.postedAt());
        });
        on.event(EventTypes.VACANCY_CLOSED, (e, event) -> {
            transactions.actAsPlatform();
            store.vacancyClosed(e.vacancyId(), e.reason(), e.closedOn());
        });
    }
}
