package io.concordat.opportunities.domain;

import io.concordat.events.ServiceArea;
import io.concordat.opportunities.domain.OpportunityRuleException.Kind;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A proposal by one authority to work with others on a service, before anything is agreed, as
 * its rules see it: where it stands, the regions it is shared with and the one whose board
 * considers it, who takes part, the board's recommendation and each council's decision. Each rule
 * is a method that either refuses, with the one {@link OpportunityRuleException}, or returns what
 * is to be recorded.
 *
 * @param regionIds      the regions it is shared with, as far as the reader may see
 * @param boardRegionId  the region whose board considers it, once it went to a board
 * @param recommendation the board's recommendation, once made
 * @param decisions      each council's decision so far
 * @param approved       whether a host and a recipient have approved it (and that was announced)
 */
public record Opportunity(
        UUID id,
        UUID authorityId,
        String title,
        ServiceArea serviceArea,
        String description,
        CollaborationModel model,
        Trigger trigger,
        Horizon horizon,
        Stage stage,
        String proposedBy,
        Instant proposedAt,
        LocalDate targetDecisionOn,
        LocalDate targetStartOn,
        List<UUID> regionIds,
        UUID boardRegionId,
        List<Participant> participants,
        Optional<BoardRecommendation> recommendation,
        Map<UUID, DecisionOutcome> decisions,
        boolean approved) {

    public static final int MAX_TITLE = 200;
    public static final int MAX_DESCRIPTION = 20_000;

    public Opportunity {
        Objects.requireNonNull(id);
        Objects.requireNonNull(authorityId);
        Objects.requireNonNull(serviceArea);
        Objects.requireNonNull(stage);
        regionIds = List.copyOf(regionIds);
        participants = List.copyOf(participants);
        decisions = Collections.unmodifiableMap(new LinkedHashMap<>(decisions));
    }

    /**
     * Proposes an opportunity as an idea, its proposer taking part as PROPOSER.
     *
     * @throws InvalidOpportunityException when the title, service area or description break a rule
     */
    public static Opportunity propose(UUID authorityId, String title, String serviceAreaCode, String description,
                                      CollaborationModel model, Trigger trigger, Horizon horizon, String proposedBy,
                                      Instant now) {
        String cleanTitle = title == null ? "" : title.strip();
        if (cleanTitle.isEmpty()) {
            throw new InvalidOpportunityException("title-required", "An opportunity needs a title.");
        }
        if (cleanTitle.length() > MAX_TITLE) {
            throw new InvalidOpportunityException("title-too-long", "A title is at most " + MAX_TITLE + " characters.");
        }
        if (description != null && description.length() > MAX_DESCRIPTION) {
            throw new InvalidOpportunityException("description-too-long",
                    "A description is at most " + MAX_DESCRIPTION + " characters.");
        }
        ServiceArea area = ServiceArea.byCode(serviceAreaCode == null ? "" : serviceAreaCode)
                .orElseThrow(() -> new InvalidOpportunityException("unknown-service-area",
                        "'" + serviceAreaCode + "' is not a service area code."));
        return new Opportunity(UUID.randomUUID(), authorityId, cleanTitle, area,
                description == null || description.isBlank() ? null : description.strip(), model, trigger,
                horizon == null ? Horizon.MEDIUM_TERM : horizon, Stage.IDEA, proposedBy, now, null, null, List.of(), null,
                List.of(new Participant(authorityId, ParticipantRole.PROPOSER, ParticipantStatus.COMMITTED, true)),
                Optional.empty(), Map.of(), false);
    }

    /**
     * The proposal as it is put forward: shared with regions, aiming at dates, its proposer in the
     * part it chose.
     *
     * @throws InvalidOpportunityException when the proposer would be merely INTERESTED
     */
    public Opportunity putForward(List<UUID> regions, LocalDate decisionOn, LocalDate startOn, ParticipantRole proposerRole) {
        Participant proposer = new Participant(authorityId, Participation.proposerRole(proposerRole),
                ParticipantStatus.COMMITTED, true);
        return new Opportunity(id, authorityId, title, serviceArea, description, model, trigger, horizon, stage, proposedBy,
                proposedAt, decisionOn, startOn, regions, boardRegionId, List.of(proposer), recommendation, decisions,
                approved);
    }

    /** Who takes part: the proposer and the councils that joined. */
    public Participation participation() {
        return new Participation(authorityId, participants);
    }

    /** The stages its proposer may move it to now. */
    public Set<Stage> allowedStages() {
        return stage.next(horizon);
    }

    /** Only the proposing authority moves it on and accepts others. */
    public void requireProposer(UUID authority) {
        if (!authorityId.equals(authority)) {
            throw new OpportunityRuleException(Kind.NOT_ALLOWED, "not-the-proposer", "Only the proposing authority does this.");
        }
    }

    /** Only the proposer or an accepted participant that has not withdrawn. */
    public void requireTakesPart(UUID authority) {
        if (!participation().takesPart(authority)) {
            throw new OpportunityRuleException(Kind.NOT_ALLOWED, "not-a-participant", "Only an accepted participant does this.");
        }
    }

    /** A live, rejected or withdrawn opportunity changes no more. */
    public void requireOpen() {
        if (stage.isClosed()) {
            throw new OpportunityRuleException(Kind.CONFLICT, "opportunity-closed", "The opportunity is " + stage + ".");
        }
    }

    /**
     * The proposer moves it on by the stage rules; going to a board names one of the regions it is
     * shared with, whose board is described.
     *
     * @param board the board of {@code toBoardOf}, if that region has one
     */
    public StageMove moveTo(UUID by, Stage to, UUID toBoardOf, Optional<Board> board) {
        requireProposer(by);
        stage.moveTo(to, horizon);
        if (to != Stage.BOARD_RECOMMENDATION) {
            return new StageMove(stage, to, boardRegionId);
        }
        if (toBoardOf == null || !regionIds.contains(toBoardOf)) {
            throw new OpportunityRuleException(Kind.INVALID, "board-region-required",
                    "Going to the board needs boardRegionId: one of the regions it is shared with, " + regionIds + ".");
        }
        if (board.isEmpty()) {
            throw new OpportunityRuleException(Kind.UNPROCESSABLE, "region-has-no-board", "That region has no board described.");
        }
        return new StageMove(stage, to, toBoardOf);
    }

    /** A council joins, or changes its part, while the opportunity is open. */
    public Participant join(UUID authority, ParticipantRole role, ParticipantStatus status) {
        requireOpen();
        return participation().join(authority, role, status);
    }

    /** The proposer accepts a council that asked to take part: that council, or none when it has not asked. */
    public Optional<Participant> accept(UUID by, UUID authority) {
        requireProposer(by);
        return participation().of(authority);
    }

    /** A council taking part submits a business case while the opportunity is open; it binds only councils taking part. */
    public BusinessCase submit(UUID by, BusinessCase proposed) {
        Participation participation = participation();
        requireTakesPart(by);
        requireOpen();
        return proposed.submittedFor(participation);
    }

    /** A business case stored before the councils sharing an equal split were kept is shared by those taking part now. */
    public BusinessCase asSharedNow(BusinessCase stored) {
        return stored.sharedBy().isEmpty() ? stored.withSharedBy(participation().takingPart()) : stored;
    }

    /** It is before a board while at BOARD_RECOMMENDATION with a board region named. */
    public UUID requireBeforeBoard() {
        if (stage != Stage.BOARD_RECOMMENDATION || boardRegionId == null) {
            throw new OpportunityRuleException(Kind.CONFLICT, "not-before-the-board", "The opportunity is not before a board.");
        }
        return boardRegionId;
    }

    /**
     * A councillor of a member authority of the board's region votes, once, until the board has
     * recommended and while that authority has seats left.
     *
     * @param board       the board of the region it is before, if described
     * @param sitsOnBoard whether the councillor's authority is a member of that region
     * @param cast        the votes cast so far
     */
    public BoardVote vote(Optional<Board> board, boolean sitsOnBoard, List<BoardVote> cast, UUID authority,
                          String councillor, boolean inFavour) {
        Board b = boardBefore(board);
        if (!sitsOnBoard) {
            throw new OpportunityRuleException(Kind.NOT_ALLOWED, "not-on-this-board",
                    "Only councillors of the region's member authorities sit on its board.");
        }
        requireNoRecommendation();
        BoardVote vote = new BoardVote(authority, councillor, inFavour);
        b.admit(cast, vote);
        return vote;
    }

    /**
     * Closes the vote: the board's recommendation by its rule, asked for by a council taking part
     * or by a region admin of a member authority, once, after at least one vote.
     *
     * @param regionAdmin whether the caller is a region admin of an authority in the board's region
     * @param authorities the authorities the board represents
     */
    public BoardRecommendation recommend(Optional<Board> board, boolean regionAdmin, UUID by, List<BoardVote> votes,
                                         Set<UUID> authorities) {
        Board b = boardBefore(board);
        if (!regionAdmin) {
            requireTakesPart(by);
        }
        requireNoRecommendation();
        if (votes.isEmpty()) {
            throw new OpportunityRuleException(Kind.CONFLICT, "no-votes", "No councillor has voted yet.");
        }
        return b.evaluate(votes, authorities);
    }

    /**
     * A participating council records its own decision, after the board considered it; it approves
     * only once staff and trade unions were consulted where the business case needs it. An
     * opportunity goes ahead only for the councils that approve: once a host and a recipient have,
     * it is approved (once); once every council taking part has decided, it is DECIDED.
     *
     * @param businessCase the latest business case, if any
     */
    public Decided decide(UUID authority, DecisionOutcome outcome, Optional<BusinessCase> businessCase) {
        CouncilDecisions.requireMayDecide(participants, authority, recommendation.isPresent());
        if (outcome == DecisionOutcome.APPROVE && businessCase.map(BusinessCase::consultationOutstanding).orElse(false)) {
            throw new OpportunityRuleException(Kind.CONFLICT, "consultation-outstanding", "The business case has staffing "
                    + "implications: record the staff and trade-union consultation before a council approves.");
        }
        Map<UUID, DecisionOutcome> after = new LinkedHashMap<>(decisions);
        after.remove(authority);
        after.put(authority, outcome);
        Optional<CouncilDecisions.Approval> approval = approved ? Optional.empty()
                : CouncilDecisions.approval(participants, after);
        Optional<StageMove> move = CouncilDecisions.allDecided(participants, after) && stage == Stage.BOARD_RECOMMENDATION
                ? Optional.of(new StageMove(stage, Stage.DECIDED, boardRegionId)) : Optional.empty();
        return new Decided(approval, move);
    }

    private Board boardBefore(Optional<Board> board) {
        requireBeforeBoard();
        return board.orElseThrow(() -> new OpportunityRuleException(Kind.UNPROCESSABLE, "region-has-no-board",
                "The region has no board described."));
    }

    private void requireNoRecommendation() {
        if (recommendation.isPresent()) {
            throw new OpportunityRuleException(Kind.CONFLICT, "board-has-recommended",
                    "The board has already made its recommendation.");
        }
    }

    /** A move from one stage to another, and the region whose board considers it from then on. */
    public record StageMove(Stage from, Stage to, UUID boardRegionId) {
    }

    /**
     * What a council's decision brings about.
     *
     * @param approval  who goes ahead, when this decision newly approves the opportunity
     * @param stageMove to DECIDED, when every council taking part has now decided
     */
    public record Decided(Optional<CouncilDecisions.Approval> approval, Optional<StageMove> stageMove) {
    }
}
