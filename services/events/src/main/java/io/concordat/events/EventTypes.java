package io.concordat.events;

import io.concordat.events.audit.v1.AuditTrailAnchored;
import io.concordat.events.hosting.v1.ArrangementAgreed;
import io.concordat.events.hosting.v1.ArrangementStarted;
import io.concordat.events.hosting.v1.IndicatorReported;
import io.concordat.events.hosting.v1.ReviewCompleted;
import io.concordat.events.hosting.v1.ReviewScheduled;
import io.concordat.events.hosting.v1.HostTransferred;
import io.concordat.events.hosting.v1.HostTransferAccepted;
import io.concordat.events.hosting.v1.HostTransferDeclined;
import io.concordat.events.hosting.v1.HostTransferProposed;
import io.concordat.events.hosting.v1.RecipientAccepted;
import io.concordat.events.hosting.v1.RecipientDeclined;
import io.concordat.events.hosting.v1.RecipientInvited;
import io.concordat.events.hosting.v1.RecipientJoined;
import io.concordat.events.hosting.v1.RecipientLeft;
import io.concordat.events.hosting.v1.RechargeIssued;
import io.concordat.events.hosting.v1.SavingsRecorded;
import io.concordat.events.hosting.v1.ArrangementTerminated;
import io.concordat.events.opportunities.v1.OpportunityProposed;
import io.concordat.events.opportunities.v1.OpportunityStageChanged;
import io.concordat.events.opportunities.v1.ParticipantJoined;
import io.concordat.events.opportunities.v1.ParticipantAccepted;
import io.concordat.events.opportunities.v1.BusinessCaseSubmitted;
import io.concordat.events.opportunities.v1.BoardRecommendationRecorded;
import io.concordat.events.opportunities.v1.BoardVoteCast;
import io.concordat.events.opportunities.v1.CouncilDecisionRecorded;
import io.concordat.events.opportunities.v1.OpportunityApproved;
import io.concordat.events.opportunities.v1.VacancyClosed;
import io.concordat.events.opportunities.v1.VacancyPosted;
import io.concordat.events.partners.v1.WebhookSubscriptionPaused;
import io.concordat.events.tenants.v1.AuthorityApproved;
import io.concordat.events.tenants.v1.AuthorityRegistered;
import io.concordat.events.tenants.v1.AuthorityRejected;
import io.concordat.events.tenants.v1.AuthoritySuspended;
import io.concordat.events.tenants.v1.AuthorityUpdated;
import io.concordat.events.tenants.v1.MembershipApproved;
import io.concordat.events.tenants.v1.MembershipDeclined;
import io.concordat.events.tenants.v1.MembershipEnded;
import io.concordat.events.tenants.v1.MembershipRequested;
import io.concordat.events.tenants.v1.RegionBoardDescribed;
import io.concordat.events.tenants.v1.RegionClosed;
import io.concordat.events.tenants.v1.RegionCreated;
import io.concordat.events.tenants.v1.RoleGranted;
import io.concordat.events.tenants.v1.RoleRevoked;
import io.concordat.events.tenants.v1.StaffInvited;
import io.concordat.events.tenants.v1.StaffRemoved;

import java.util.List;
import java.util.Optional;

/** Every event type the platform publishes. */
public final class EventTypes {

    public static final EventType<AuthorityRegistered> AUTHORITY_REGISTERED =
            new EventType<>("io.concordat.authority.registered.v1", AuthorityRegistered.class, Topics.TENANTS);

    public static final EventType<RegionCreated> REGION_CREATED =
            new EventType<>("io.concordat.region.created.v1", RegionCreated.class, Topics.TENANTS);

    public static final EventType<AuthorityApproved> AUTHORITY_APPROVED =
            new EventType<>("io.concordat.authority.approved.v1", AuthorityApproved.class, Topics.TENANTS);

    public static final EventType<AuthoritySuspended> AUTHORITY_SUSPENDED =
            new EventType<>("io.concordat.authority.suspended.v1", AuthoritySuspended.class, Topics.TENANTS);

    public static final EventType<AuthorityRejected> AUTHORITY_REJECTED =
            new EventType<>("io.concordat.authority.rejected.v1", AuthorityRejected.class, Topics.TENANTS);

    public static final EventType<RegionClosed> REGION_CLOSED =
            new EventType<>("io.concordat.region.closed.v1", RegionClosed.class, Topics.TENANTS);

    public static final EventType<AuthorityUpdated> AUTHORITY_UPDATED =
            new EventType<>("io.concordat.authority.updated.v1", AuthorityUpdated.class, Topics.TENANTS);

    public static final EventType<RegionBoardDescribed> REGION_BOARD_DESCRIBED =
            new EventType<>("io.concordat.region.board-described.v1", RegionBoardDescribed.class, Topics.TENANTS);

    public static final EventType<MembershipRequested> MEMBERSHIP_REQUESTED =
            new EventType<>("io.concordat.membership.requested.v1", MembershipRequested.class, Topics.TENANTS);

    public static final EventType<MembershipApproved> MEMBERSHIP_APPROVED =
            new EventType<>("io.concordat.membership.approved.v1", MembershipApproved.class, Topics.TENANTS);

    public static final EventType<MembershipDeclined> MEMBERSHIP_DECLINED =
            new EventType<>("io.concordat.membership.declined.v1", MembershipDeclined.class, Topics.TENANTS);

    public static final EventType<MembershipEnded> MEMBERSHIP_ENDED =
            new EventType<>("io.concordat.membership.ended.v1", MembershipEnded.class, Topics.TENANTS);

    public static final EventType<StaffInvited> STAFF_INVITED =
            new EventType<>("io.concordat.staff.invited.v1", StaffInvited.class, Topics.TENANTS);

    public static final EventType<RoleGranted> ROLE_GRANTED =
            new EventType<>("io.concordat.staff.role-granted.v1", RoleGranted.class, Topics.TENANTS);

    public static final EventType<RoleRevoked> ROLE_REVOKED =
            new EventType<>("io.concordat.staff.role-revoked.v1", RoleRevoked.class, Topics.TENANTS);

    public static final EventType<StaffRemoved> STAFF_REMOVED =
            new EventType<>("io.concordat.staff.removed.v1", StaffRemoved.class, Topics.TENANTS);

    public static final EventType<OpportunityProposed> OPPORTUNITY_PROPOSED =
            new EventType<>("io.concordat.opportunity.proposed.v1", OpportunityProposed.class, Topics.OPPORTUNITIES);

    public static final EventType<OpportunityStageChanged> OPPORTUNITY_STAGE_CHANGED =
            new EventType<>("io.concordat.opportunity.stage-changed.v1", OpportunityStageChanged.class, Topics.OPPORTUNITIES);

    public static final EventType<ParticipantJoined> PARTICIPANT_JOINED =
            new EventType<>("io.concordat.opportunity.participant-joined.v1", ParticipantJoined.class, Topics.OPPORTUNITIES);

    public static final EventType<ParticipantAccepted> PARTICIPANT_ACCEPTED =
            new EventType<>("io.concordat.opportunity.participant-accepted.v1", ParticipantAccepted.class, Topics.OPPORTUNITIES);

    public static final EventType<BusinessCaseSubmitted> BUSINESS_CASE_SUBMITTED =
            new EventType<>("io.concordat.opportunity.business-case-submitted.v1", BusinessCaseSubmitted.class, Topics.OPPORTUNITIES);

    public static final EventType<BoardRecommendationRecorded> BOARD_RECOMMENDATION_RECORDED =
            new EventType<>("io.concordat.opportunity.board-recommendation-recorded.v1", BoardRecommendationRecorded.class, Topics.OPPORTUNITIES);

    public static final EventType<CouncilDecisionRecorded> COUNCIL_DECISION_RECORDED =
            new EventType<>("io.concordat.opportunity.council-decision-recorded.v1", CouncilDecisionRecorded.class, Topics.OPPORTUNITIES);

    public static final EventType<OpportunityApproved> OPPORTUNITY_APPROVED =
            new EventType<>("io.concordat.opportunity.approved.v1", OpportunityApproved.class, Topics.OPPORTUNITIES);

    public static final EventType<VacancyPosted> VACANCY_POSTED =
            new EventType<>("io.concordat.vacancy.posted.v1", VacancyPosted.class, Topics.OPPORTUNITIES);

    public static final EventType<VacancyClosed> VACANCY_CLOSED =
            new EventType<>("io.concordat.vacancy.closed.v1", VacancyClosed.class, Topics.OPPORTUNITIES);

    public static final EventType<ArrangementAgreed> ARRANGEMENT_AGREED =
            new EventType<>("io.concordat.arrangement.agreed.v1", ArrangementAgreed.class, Topics.HOSTING);

    public static final EventType<HostTransferred> HOST_TRANSFERRED =
            new EventType<>("io.concordat.arrangement.host-transferred.v1", HostTransferred.class, Topics.HOSTING);

    public static final EventType<RecipientJoined> RECIPIENT_JOINED =
            new EventType<>("io.concordat.arrangement.recipient-joined.v1", RecipientJoined.class, Topics.HOSTING);

    public static final EventType<RecipientLeft> RECIPIENT_LEFT =
            new EventType<>("io.concordat.arrangement.recipient-left.v1", RecipientLeft.class, Topics.HOSTING);

    public static final EventType<RechargeIssued> RECHARGE_ISSUED =
            new EventType<>("io.concordat.arrangement.recharge-issued.v1", RechargeIssued.class, Topics.HOSTING);

    public static final EventType<SavingsRecorded> SAVINGS_RECORDED =
            new EventType<>("io.concordat.arrangement.savings-recorded.v1", SavingsRecorded.class, Topics.HOSTING);

    public static final EventType<ArrangementTerminated> ARRANGEMENT_TERMINATED =
            new EventType<>("io.concordat.arrangement.terminated.v1", ArrangementTerminated.class, Topics.HOSTING);

    public static final EventType<ArrangementStarted> ARRANGEMENT_STARTED =
            new EventType<>("io.concordat.arrangement.started.v1", ArrangementStarted.class, Topics.HOSTING);

    public static final EventType<IndicatorReported> INDICATOR_REPORTED =
            new EventType<>("io.concordat.arrangement.indicator-reported.v1", IndicatorReported.class, Topics.HOSTING);

    public static final EventType<ReviewCompleted> REVIEW_COMPLETED =
            new EventType<>("io.concordat.arrangement.review-completed.v1", ReviewCompleted.class, Topics.HOSTING);

    public static final EventType<ReviewScheduled> REVIEW_SCHEDULED =
            new EventType<>("io.concordat.arrangement.review-scheduled.v1", ReviewScheduled.class, Topics.HOSTING);

    public static final EventType<RecipientInvited> RECIPIENT_INVITED =
            new EventType<>("io.concordat.arrangement.recipient-invited.v1", RecipientInvited.class, Topics.HOSTING);

    public static final EventType<RecipientAccepted> RECIPIENT_ACCEPTED =
            new EventType<>("io.concordat.arrangement.recipient-accepted.v1", RecipientAccepted.class, Topics.HOSTING);

    public static final EventType<RecipientDeclined> RECIPIENT_DECLINED =
            new EventType<>("io.concordat.arrangement.recipient-declined.v1", RecipientDeclined.class, Topics.HOSTING);

    public static final EventType<HostTransferProposed> HOST_TRANSFER_PROPOSED =
            new EventType<>("io.concordat.arrangement.host-transfer-proposed.v1", HostTransferProposed.class, Topics.HOSTING);

    public static final EventType<HostTransferAccepted> HOST_TRANSFER_ACCEPTED =
            new EventType<>("io.concordat.arrangement.host-transfer-accepted.v1", HostTransferAccepted.class, Topics.HOSTING);

    public static final EventType<HostTransferDeclined> HOST_TRANSFER_DECLINED =
            new EventType<>("io.concordat.arrangement.host-transfer-declined.v1", HostTransferDeclined.class, Topics.HOSTING);

    public static final EventType<BoardVoteCast> BOARD_VOTE_CAST =
            new EventType<>("io.concordat.opportunity.board-vote-cast.v1", BoardVoteCast.class, Topics.OPPORTUNITIES);

    public static final EventType<AuditTrailAnchored> AUDIT_TRAIL_ANCHORED =
            new EventType<>("io.concordat.audit.anchored.v1", AuditTrailAnchored.class, Topics.AUDIT);
    public static final EventType<WebhookSubscriptionPaused> WEBHOOK_SUBSCRIPTION_PAUSED =
            new EventType<>("io.concordat.partner.webhook-subscription-paused.v1", WebhookSubscriptionPaused.class,
                    Topics.PARTNERS);

    public static final List<EventType<?>> ALL = List.of(AUTHORITY_REGISTERED, AUTHORITY_APPROVED,
            AUTHORITY_SUSPENDED, AUTHORITY_UPDATED, REGION_CREATED, REGION_BOARD_DESCRIBED, MEMBERSHIP_REQUESTED,
            MEMBERSHIP_APPROVED, MEMBERSHIP_DECLINED, MEMBERSHIP_ENDED, AUTHORITY_REJECTED, REGION_CLOSED,
            STAFF_INVITED, ROLE_GRANTED, ROLE_REVOKED, STAFF_REMOVED, OPPORTUNITY_PROPOSED,
            OPPORTUNITY_STAGE_CHANGED, PARTICIPANT_JOINED, PARTICIPANT_ACCEPTED, BUSINESS_CASE_SUBMITTED, BOARD_RECOMMENDATION_RECORDED, COUNCIL_DECISION_RECORDED, OPPORTUNITY_APPROVED, VACANCY_POSTED,
            VACANCY_CLOSED,
            ARRANGEMENT_AGREED, HOST_TRANSFERRED, RECIPIENT_JOINED, RECIPIENT_LEFT, RECHARGE_ISSUED, SAVINGS_RECORDED, ARRANGEMENT_TERMINATED,
            ARRANGEMENT_STARTED, INDICATOR_REPORTED, REVIEW_SCHEDULED, REVIEW_COMPLETED,
            RECIPIENT_INVITED, RECIPIENT_ACCEPTED, RECIPIENT_DECLINED,
            HOST_TRANSFER_PROPOSED, HOST_TRANSFER_ACCEPTED, HOST_TRANSFER_DECLINED,
            BOARD_VOTE_CAST, AUDIT_TRAIL_ANCHORED, WEBHOOK_SUBSCRIPTION_PAUSED);

    private EventTypes() {
    }

    public static Optional<EventType<?>> byType(String type) {
        return ALL.stream().filter(t -> t.type().equals(type)).findFirst();
    }
}
