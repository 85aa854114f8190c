package io.concordat.opportunities.app;

import io.concordat.events.EventTypes;
import io.concordat.events.opportunities.v1.BoardRecommendationRecorded;
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
import io.concordat.opportunities.domain.CouncilDecisions;
import io.concordat.opportunities.domain.DecisionBody;
import io.concordat.opportunities.domain.DecisionOutcome;
import io.concordat.opportunities.domain.Horizon;
import io.concordat.opportunities.domain.OpportunityRuleException;
import io.concordat.opportunities.domain.OpportunityRuleException.Kind;
import io.concordat.opportunities.domain.Participant;
import io.concordat.opportunities.domain.ParticipantRole;
import io.concordat.opportunities.domain.ParticipantStatus;
import io.concordat.opportunities.domain.Participation;
import io.concordat.opportunities.domain.Stage;
import io.concordat.opportunities.store.CollaborationStore;
import io.concordat.opportunities.store.CollaborationStore.StoredBusinessCase;
import io.concordat.opportunities.store.OpportunityStore;
import io.concordat.opportunities.store.OpportunityRow;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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
    private final OpportunityStore rows;
    private final CollaborationStore store;
    private final RegionMemberships memberships;
    private final EventPublisher events;

    public Collaboration(Proposals proposals, OpportunityStore rows, CollaborationStore store,
                         RegionMemberships memberships, EventPublisher events) {
        this.proposals = proposals;
        this.rows = rows;
        this.store = store;
        this.memberships = memberships;
        this.events = events;
    }

    /** The proposer moves the opportunity on; going to the board names the region whose board considers it. */
    public OpportunityRow changeStage(Caller caller, UUID id, Stage to, String note, UUID boardRegionId) {
        OpportunityRow row = proposals.find(id);
        requireProposer(caller, row);
        Stage from = Stage.valueOf(row.stage());
        from.moveTo(to, Horizon.valueOf(row.horizon()));
        if (to == Stage.BOARD_RECOMMENDATION) {
            List<UUID> shared = proposals.regionsOf(id);
            if (boardRegionId == null || !shared.contains(boardRegionId)) {
                throw new OpportunityRuleException(Kind.INVALID, "board-region-required",
                        "Going to the board needs boardRegionId: one of the regions it is shared with, " + shared + ".");
            }
            if (store.board(boardRegionId).isEmpty()) {
                throw new OpportunityRuleException(Kind.UNPROCESSABLE, "region-has-no-board",
                        "That region has no board described.");
            }
            rows.updateBoardRegionId(id, boardRegionId);
        }
        moveStage(caller, row, from, to, note);
        return proposals.find(id);
    }

    /** The proposer accepts an authority that asked to take part. */
    public OpportunityRow accept(Caller caller, UUID id, UUID authorityId) {
        OpportunityRow row = proposals.find(id);
        requireProposer(caller, row);
        Participant participant = proposals.participation(row).of(authorityId)
                .orElseThrow(() -> ProblemException.notFound("not-a-participant",
                        "Authority " + authorityId + " has not asked to take part."));
        store.accept(id, authorityId);
        events.publish(EventTypes.PARTICIPANT_ACCEPTED, id.toString(), row.authorityId(), proposals.regionsOf(id),
                new ParticipantAccepted(id, authorityId, participant.role().name(), caller.subject(), Instant.now()));
        return proposals.find(id);
    }

    /** The caller's council joins, or changes its part; the proposer may take up a real role. */
    public OpportunityRow join(Caller caller, UUID id, ParticipantRole role, ParticipantStatus status) {
        UUID authority = caller.requireAuthority();
        OpportunityRow row = proposals.find(id);
        requireOpen(row);
        Participant participant = proposals.participation(row).join(authority, role, status);
        Instant now = Instant.now();
        store.join(id, participant, now);
        events.publish(EventTypes.PARTICIPANT_JOINED, id.toString(), row.authorityId(), proposals.regionsOf(id),
                new ParticipantJoined(id, authority, participant.role().name(), participant.status().name(),
                        participant.accepted(), now));
        return row;
    }

    /**
     * Stores a new version of the business case, submitted by a council taking part; it may name
     * only councils that take part.
     */
    public StoredBusinessCase submitBusinessCase(Caller caller, UUID id, BusinessCase proposed) {
        OpportunityRow row = proposals.find(id);
        Participation participation = proposals.participation(row);
        requireTakesPart(caller, row);
        requireOpen(row);
        BusinessCase businessCase = proposed.submittedFor(participation);
        Instant now = Instant.now();
        int version = store.addBusinessCase(id, businessCase, caller.subject(), now);
        events.publish(EventTypes.BUSINESS_CASE_SUBMITTED, id.toString(), row.authorityId(), proposals.regionsOf(id),
                new BusinessCaseSubmitted(id, row.authorityId(), version, businessCase.oneOffCostsPence(),
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
        OpportunityRow row = proposals.find(id);
        StoredBusinessCase stored = (version == null ? store.latestBusinessCase(id) : store.businessCase(id, version))
                .orElseThrow(() -> ProblemException.notFound("business-case-not-found", version == null
                        ? "Opportunity " + id + " has no business case yet."
                        : "Opportunity " + id + " has no business case version " + version + "."));
        if (stored.businessCase().sharedBy().isEmpty()) {
            return new StoredBusinessCase(stored.version(),
                    stored.businessCase().withSharedBy(proposals.participation(row).takingPart()), stored.submittedBy(),
                    stored.submittedAt());
        }
        return stored;
    }

    /** A councillor on the board of the region the opportunity is before casts their vote; returns the votes so far. */
    public List<BoardVote> vote(Caller caller, UUID id, boolean inFavour) {
        UUID authority = caller.requireAuthority();
        OpportunityRow row = proposals.find(id);
        Board board = boardOf(row);
        if (!memberships.isMember(authority, row.boardRegionId())) {
            throw new OpportunityRuleException(Kind.NOT_ALLOWED, "not-on-this-board",
                    "Only councillors of the region's member authorities sit on its board.");
        }
        requireNoRecommendation(id);
        BoardVote vote = new BoardVote(authority, caller.username(), inFavour);
        board.admit(store.votes(id), vote);
        if (!store.castVote(id, row.boardRegionId(), caller.subject(), vote, Instant.now())) {
            throw new OpportunityRuleException(Kind.CONFLICT, "already-voted", "You have already voted on this.");
        }
        return store.votes(id);
    }

    /**
     * Closes the vote and records the board's recommendation by its region's rule: a council
     * taking part, or a region admin of a member authority.
     */
    public OpportunityRow recommend(Caller caller, UUID id) {
        OpportunityRow row = proposals.find(id);
        Board board = boardOf(row);
        boolean regionAdmin = caller.hasRole(Roles.REGION_ADMIN)
                && memberships.isMember(caller.requireAuthority(), row.boardRegionId());
        if (!regionAdmin) {
            requireTakesPart(caller, row);
        }
        requireNoRecommendation(id);
        List<BoardVote> votes = store.votes(id);
        if (votes.isEmpty()) {
            throw new OpportunityRuleException(Kind.CONFLICT, "no-votes", "No councillor has voted yet.");
        }
        BoardRecommendation outcome = board.evaluate(votes, memberships.membersOf(row.boardRegionId()));
        Instant now = Instant.now();
        store.recordRecommendation(id, row.boardRegionId(), outcome, caller.subject(), now);
        events.publish(EventTypes.BOARD_RECOMMENDATION_RECORDED, id.toString(), row.authorityId(), proposals.regionsOf(id),
                new BoardRecommendationRecorded(id, row.authorityId(), row.boardRegionId(), outcome.recommended(),
                        outcome.rule().name(), outcome.inFavour(), outcome.against(), outcome.reason(), now));
        return proposals.find(id);
    }

    /**
     * A participating council records its own decision. Once a host and a recipient have approved,
     * OpportunityApproved is published (once); once every participant has decided, the
     * opportunity is DECIDED.
     */
    public OpportunityRow decide(Caller caller, UUID id, DecisionOutcome outcome, DecisionBody body, LocalDate decidedOn,
                                 String minuteReference) {
        UUID authority = caller.requireAuthority();
        OpportunityRow row = proposals.find(id);
        List<Participant> participants = store.participants(id);
        CouncilDecisions.requireMayDecide(participants, authority, store.recommendation(id).isPresent());
        Optional<BusinessCase> businessCase = store.latestBusinessCase(id).map(StoredBusinessCase::businessCase);
        if (outcome == DecisionOutcome.APPROVE && businessCase.map(BusinessCase::consultationOutstanding).orElse(false)) {
            throw new OpportunityRuleException(Kind.CONFLICT, "consultation-outstanding", "The business case has staffing "
                    + "implications: record the staff and trade-union consultation before a council approves.");
        }
        Instant now = Instant.now();
        String minute = minuteReference.strip();
        store.recordDecision(id, authority, outcome, body.name(), decidedOn, minute, caller.subject(), now);
        List<UUID> regions = proposals.regionsOf(id);
        events.publish(EventTypes.COUNCIL_DECISION_RECORDED, id.toString(), row.authorityId(), regions,
                new CouncilDecisionRecorded(id, authority, outcome.name(), body.name(), decidedOn, minute, now));
        Map<UUID, DecisionOutcome> decisions = store.decisions(id);
        Optional<CouncilDecisions.Approval> approval = CouncilDecisions.approval(participants, decisions);
        if (approval.isPresent() && !row.approvedPublished()) {
            rows.updateApprovedPublished(id, true);
            events.publish(EventTypes.OPPORTUNITY_APPROVED, id.toString(), row.authorityId(), regions,
                    new OpportunityApproved(id, row.authorityId(), row.title(), row.serviceArea(), row.model(),
                            approval.get().host(), approval.get().recipients(), regions, now));
        }
        if (CouncilDecisions.allDecided(participants, decisions) && Stage.valueOf(row.stage()) == Stage.BOARD_RECOMMENDATION) {
            moveStage(caller, row, Stage.BOARD_RECOMMENDATION, Stage.DECIDED, "Every participating council has decided");
        }
        return proposals.find(id);
    }

    private void moveStage(Caller caller, OpportunityRow row, Stage from, Stage to, String note) {
        Instant now = Instant.now();
        List<UUID> regions = proposals.regionsOf(row.id());
        rows.updateStage(row.id(), to.name());
        store.recordStageChange(row.id(), from.name(), to.name(), caller.subject(), now, note);
        events.publish(EventTypes.OPPORTUNITY_STAGE_CHANGED, row.id().toString(), row.authorityId(), regions,
                new OpportunityStageChanged(row.id(), row.authorityId(), from.name(), to.name(), caller.subject(), note,
                        regions, now));
    }

    private Board boardOf(OpportunityRow row) {
        if (Stage.valueOf(row.stage()) != Stage.BOARD_RECOMMENDATION || row.boardRegionId() == null) {
            throw new OpportunityRuleException(Kind.CONFLICT, "not-before-the-board", "The opportunity is not before a board.");
        }
        return store.board(row.boardRegionId()).orElseThrow(() -> new OpportunityRuleException(Kind.UNPROCESSABLE,
                "region-has-no-board", "The region has no board described."));
    }

    private void requireNoRecommendation(UUID id) {
        if (store.recommendation(id).isPresent()) {
            throw new OpportunityRuleException(Kind.CONFLICT, "board-has-recommended",
                    "The board has already made its recommendation.");
        }
    }

    private static void requireProposer(Caller caller, OpportunityRow row) {
        if (!row.authorityId().equals(caller.requireAuthority())) {
            throw new OpportunityRuleException(Kind.NOT_ALLOWED, "not-the-proposer", "Only the proposing authority does this.");
        }
    }

    private void requireTakesPart(Caller caller, OpportunityRow row) {
        if (!proposals.participation(row).takesPart(caller.requireAuthority())) {
            throw new OpportunityRuleException(Kind.NOT_ALLOWED, "not-a-participant", "Only an accepted participant does this.");
        }
    }

    private static void requireOpen(OpportunityRow row) {
        if (Stage.valueOf(row.stage()).isClosed()) {
            throw new OpportunityRuleException(Kind.CONFLICT, "opportunity-closed", "The opportunity is " + row.stage() + ".");
        }
    }
}
