package io.concordat.opportunities.app;

import io.concordat.events.EventTypes;
import io.concordat.events.opportunities.v1.BoardRecommendationRecorded;
import io.concordat.events.opportunities.v1.BoardVoteCast;
import io.concordat.events.opportunities.v1.BusinessCaseSubmitted;
import io.concordat.events.opportunities.v1.CouncilDecisionRecorded;
import io.concordat.events.opportunities.v1.OpportunityApproved;
import io.concordat.events.opportunities.v1.OpportunityStageChanged;
import io.concordat.events.opportunities.v1.ParticipantAccepted;
import io.concordat.events.opportunities.v1.ParticipantJoined;
import io.concordat.kit.directory.RegionMemberships;
import io.concordat.kit.outbox.EventPublisher;
import io.concordat.kit.problem.ProblemException;
import io.concordat.kit.tenancy.Caller;
import io.concordat.kit.tenancy.Roles;
import io.concordat.opportunities.domain.Board;
import io.concordat.opportunities.domain.BoardRecommendation;
import io.concordat.opportunities.domain.BoardVote;
import io.concordat.opportunities.domain.BusinessCase;
import io.concordat.opportunities.domain.DecisionBody;
import io.concordat.opportunities.domain.DecisionOutcome;
import io.concordat.opportunities.domain.Opportunity;
import io.concordat.opportunities.domain.Opportunity.StageMove;
import io.concordat.opportunities.domain.OpportunityRuleException;
import io.concordat.opportunities.domain.OpportunityRuleException.Kind;
import io.concordat.opportunities.domain.Participant;
import io.concordat.opportunities.domain.ParticipantRole;
import io.concordat.opportunities.domain.ParticipantStatus;
import io.concordat.opportunities.domain.Stage;
import io.concordat.opportunities.store.CollaborationStore;
import io.concordat.opportunities.store.CollaborationStore.StoredBusinessCase;
import io.concordat.opportunities.store.OpportunityStore;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The steps an opportunity goes through after it is proposed: its stages, who takes part, its
 * business case, its board's recommendation and each council's decision. Every method runs in
 * the caller's tenant transaction, so row-level security decides what is seen and written.
 */
@Singleton
public class Collaboration {

    private final Proposals proposals;
    private final OpportunityStore opportunities;
    private final CollaborationStore store;
    private final RegionMemberships memberships;
    private final EventPublisher events;

    public Collaboration(Proposals proposals, OpportunityStore opportunities, CollaborationStore store,
                         RegionMemberships memberships, EventPublisher events) {
        this.proposals = proposals;
        this.opportunities = opportunities;
        this.store = store;
        this.memberships = memberships;
        this.events = events;
    }

    /** The proposer moves the opportunity on; going to the board names the region whose board considers it. */
    public Opportunity changeStage(Caller caller, UUID id, Stage to, String note, UUID boardRegionId) {
        Opportunity o = proposals.find(id);
        StageMove move = o.moveTo(caller.requireAuthority(), to, boardRegionId, boardOf(boardRegionId));
        moveStage(caller, o, move, note);
        return proposals.find(id);
    }

    /** The proposer accepts an authority that asked to take part. */
    public Opportunity accept(Caller caller, UUID id, UUID authorityId) {
        Opportunity o = proposals.find(id);
        Participant participant = o.accept(caller.requireAuthority(), authorityId)
                .orElseThrow(() -> ProblemException.notFound("not-a-participant",
                        "Authority " + authorityId + " has not asked to take part."));
        store.accept(id, authorityId);
        events.publish(EventTypes.PARTICIPANT_ACCEPTED, id.toString(), o.authorityId(), o.regionIds(),
                new ParticipantAccepted(id, authorityId, participant.role().name(), caller.subject(), Instant.now()));
        return proposals.find(id);
    }

    /** The caller's council joins, or changes its part; the proposer may take up a real role. */
    public Opportunity join(Caller caller, UUID id, ParticipantRole role, ParticipantStatus status) {
        UUID authority = caller.requireAuthority();
        Opportunity o = proposals.find(id);
        Participant participant = o.join(authority, role, status);
        Instant now = Instant.now();
        store.join(id, participant, now);
        events.publish(EventTypes.PARTICIPANT_JOINED, id.toString(), o.authorityId(), o.regionIds(),
                new ParticipantJoined(id, authority, participant.role().name(), participant.status().name(),
                        participant.accepted(), now));
        return proposals.find(id);
    }

    /**
     * Stores a new version of the business case, submitted by a council taking part; it may name
     * only councils that take part.
     */
    public StoredBusinessCase submitBusinessCase(Caller caller, UUID id, BusinessCase proposed) {
        Opportunity o = proposals.find(id);
        BusinessCase businessCase = o.submit(caller.requireAuthority(), proposed);
        Instant now = Instant.now();
        int version = store.addBusinessCase(id, businessCase, caller.subject(), now);
        events.publish(EventTypes.BUSINESS_CASE_SUBMITTED, id.toString(), o.authorityId(), o.regionIds(),
                new BusinessCaseSubmitted(id, o.authorityId(), version, businessCase.oneOffCostsPence(),
                        // the event's "annual" field keeps the meaning it was first published with: the
                        // total over the case; the full-year figure travels in a field of its own
                        businessCase.externalFundingPence(), businessCase.projectedTotalSavingsPence(),
                        businessCase.staffingImplications(), now, businessCase.projectedSavings().stream()
                        .map(s -> new BusinessCaseSubmitted.ProjectedSaving(s.authorityId(), s.financialYear(),
                                s.annualPence())).toList(), businessCase.projectedAnnualSavingsPence()));
        return new StoredBusinessCase(version, businessCase, caller.subject(), now);
    }

    /**
     * The latest version of the business case, or the one asked for. A version stored before the
     * councils sharing an equal split were kept is shared by those taking part now.
     */
    public StoredBusinessCase businessCase(UUID id, Integer version) {
        Opportunity o = proposals.find(id);
        StoredBusinessCase stored = (version == null ? store.latestBusinessCase(id) : store.businessCase(id, version))
                .orElseThrow(() -> ProblemException.notFound("business-case-not-found", version == null
                        ? "Opportunity " + id + " has no business case yet."
                        : "Opportunity " + id + " has no business case version " + version + "."));
        return new StoredBusinessCase(stored.version(), o.asSharedNow(stored.businessCase()), stored.submittedBy(),
                stored.submittedAt());
    }

    /** A councillor on the board of the region the opportunity is before casts their vote; returns the votes so far. */
    public List<BoardVote> vote(Caller caller, UUID id, boolean inFavour) {
        UUID authority = caller.requireAuthority();
        Opportunity o = proposals.find(id);
        UUID region = o.boardRegionId();
        BoardVote vote = o.vote(boardOf(region), region != null && memberships.isMember(authority, region),
                store.votes(id), authority, caller.username(), inFavour);
        Instant now = Instant.now();
        if (!store.castVote(id, region, caller.subject(), vote, now)) {
            throw new OpportunityRuleException(Kind.CONFLICT, "already-voted", "You have already voted on this.");
        }
        events.publish(EventTypes.BOARD_VOTE_CAST, id.toString(), authority, o.regionIds(),
                new BoardVoteCast(id, region, authority, caller.subject(), inFavour, now));
        return store.votes(id);
    }

    /**
     * Closes the vote and records the board's recommendation by its region's rule: a council
     * taking part, or a region admin of a member authority.
     */
    public Opportunity recommend(Caller caller, UUID id) {
        Opportunity o = proposals.find(id);
        UUID region = o.requireBeforeBoard();
        UUID authority = caller.requireAuthority();
        boolean regionAdmin = caller.hasRole(Roles.REGION_ADMIN) && memberships.isMember(authority, region);
        BoardRecommendation outcome = o.recommend(boardOf(region), regionAdmin, authority, store.votes(id),
                memberships.membersOf(region));
        Instant now = Instant.now();
        store.recordRecommendation(id, region, outcome, caller.subject(), now);
        events.publish(EventTypes.BOARD_RECOMMENDATION_RECORDED, id.toString(), o.authorityId(), o.regionIds(),
                new BoardRecommendationRecorded(id, o.authorityId(), region, outcome.recommended(),
                        outcome.rule().name(), outcome.inFavour(), outcome.against(), outcome.reason(), now));
        return proposals.find(id);
    }

    /**
     * A participating council records its own decision. Once a host and a recipient have approved,
     * OpportunityApproved is published (once); once every participant has decided, the
     * opportunity is DECIDED.
     */
    public Opportunity decide(Caller caller, UUID id, DecisionOutcome outcome, DecisionBody body, LocalDate decidedOn,
                              String minuteReference) {
        UUID authority = caller.requireAuthority();
        Opportunity o = proposals.find(id);
        Opportunity.Decided decided = o.decide(authority, outcome,
                store.latestBusinessCase(id).map(StoredBusinessCase::businessCase));
        Instant now = Instant.now();
        String minute = minuteReference.strip();
        store.recordDecision(id, authority, outcome, body.name(), decidedOn, minute, caller.subject(), now);
        List<UUID> regions = o.regionIds();
        events.publish(EventTypes.COUNCIL_DECISION_RECORDED, id.toString(), o.authorityId(), regions,
                new CouncilDecisionRecorded(id, authority, outcome.name(), body.name(), decidedOn, minute, now));
        decided.approval().ifPresent(approval -> {
            opportunities.markApproved(id);
            events.publish(EventTypes.OPPORTUNITY_APPROVED, id.toString(), o.authorityId(), regions,
                    new OpportunityApproved(id, o.authorityId(), o.title(), o.serviceArea().code(), name(o.model()),
                            approval.host(), approval.recipients(), regions, now));
        });
        decided.stageMove().ifPresent(move -> moveStage(caller, o, move, "Every participating council has decided"));
        return proposals.find(id);
    }

    private void moveStage(Caller caller, Opportunity o, StageMove move, String note) {
        Instant now = Instant.now();
        List<UUID> regions = o.regionIds();
        opportunities.move(o.id(), move);
        store.recordStageChange(o.id(), move.from().name(), move.to().name(), caller.subject(), now, note);
        events.publish(EventTypes.OPPORTUNITY_STAGE_CHANGED, o.id().toString(), o.authorityId(), regions,
                new OpportunityStageChanged(o.id(), o.authorityId(), move.from().name(), move.to().name(),
                        caller.subject(), note, regions, now));
    }

    /** The board of a region, if it has one described. */
    private Optional<Board> boardOf(UUID regionId) {
        return regionId == null ? Optional.empty() : store.board(regionId);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
