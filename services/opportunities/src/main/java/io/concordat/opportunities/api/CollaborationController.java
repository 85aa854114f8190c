package io.concordat.opportunities.api;

import io.concordat.events.EventTypes;
import io.concordat.events.opportunities.v1.BoardRecommendationRecorded;
import io.concordat.events.opportunities.v1.CouncilDecisionRecorded;
import io.concordat.events.opportunities.v1.OpportunityApproved;
import io.concordat.events.opportunities.v1.OpportunityStageChanged;
import io.concordat.events.opportunities.v1.ParticipantAccepted;
import io.concordat.kit.directory.AuthorityDirectory;
import io.concordat.kit.directory.RegionMemberships;
import io.concordat.kit.outbox.EventPublisher;
import io.concordat.kit.problem.Choices;
import io.concordat.kit.problem.ProblemException;
import io.concordat.kit.tenancy.Caller;
import io.concordat.kit.tenancy.Roles;
import io.concordat.kit.tenancy.TenantTransactions;
import io.concordat.opportunities.app.Collaboration;
import io.concordat.opportunities.app.Proposals;
import io.concordat.opportunities.domain.Board;
import io.concordat.opportunities.domain.BoardRecommendation;
import io.concordat.opportunities.domain.BoardVote;
import io.concordat.opportunities.domain.BusinessCase;
import io.concordat.opportunities.domain.CouncilDecisions;
import io.concordat.opportunities.domain.DecisionBody;
import io.concordat.opportunities.domain.DecisionOutcome;
import io.concordat.opportunities.domain.Horizon;
import io.concordat.opportunities.domain.Participant;
import io.concordat.opportunities.domain.ParticipantRole;
import io.concordat.opportunities.domain.ParticipantStatus;
import io.concordat.opportunities.domain.Stage;
import io.concordat.opportunities.store.CollaborationStore;
import io.concordat.opportunities.store.OpportunityRepository;
import io.concordat.opportunities.store.OpportunityRow;
import io.micronaut.http.annotation.Body;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The steps an opportunity goes through after it is proposed: its stages, who takes part, its
 * business case, its board's recommendation and each council's decision.
 */
@Controller("/api/v1/opportunities/{id}")
public class CollaborationController {

    private final TenantTransactions transactions;
    private final Proposals opportunities;
    private final Collaboration collaboration;
    private final OpportunityViews views;
    private final OpportunityRepository rows;
    private final CollaborationStore store;
    private final AuthorityDirectory authorities;
    private final RegionMemberships memberships;
    private final EventPublisher events;

    public CollaborationController(TenantTransactions transactions, Proposals opportunities, Collaboration collaboration,
                                   OpportunityViews views, OpportunityRepository rows, CollaborationStore store,
                                   AuthorityDirectory authorities, RegionMemberships memberships, EventPublisher events) {
        this.transactions = transactions;
        this.opportunities = opportunities;
        this.collaboration = collaboration;
        this.views = views;
        this.rows = rows;
        this.store = store;
        this.authorities = authorities;
        this.memberships = memberships;
        this.events = events;
    }

    /** The proposer moves the opportunity on; an illegal move is a 409 naming the allowed stages. */
    @Post("/stage")
    @Secured({Roles.AUTHORITY_OFFICER, Roles.AUTHORITY_ADMIN})
    public OpportunityDetailView changeStage(Caller caller, @PathVariable UUID id,
                                             @Valid @Body CollaborationRequests.ChangeStage request) {
        Stage to = Choices.parse(Stage.class, request.to(), "stage");
        return transactions.write(caller, connection -> {
            OpportunityRow row = opportunities.find(id);
            requireProposer(caller, row);
            Stage from = Stage.valueOf(row.stage());
            from.moveTo(to, Horizon.valueOf(row.horizon()));
            if (to == Stage.BOARD_RECOMMENDATION) {
                UUID region = request.boardRegionId();
                List<UUID> shared = regionsOf(id);
                if (region == null || !shared.contains(region)) {
                    throw ProblemException.badRequest("board-region-required",
                            "Going to the board needs boardRegionId: one of the regions it is shared with, " + shared + ".");
                }
                if (store.board(region).isEmpty()) {
                    throw ProblemException.unprocessable("region-has-no-board", "That region has no board described.");
                }
                rows.updateBoardRegionId(id, region);
            }
            moveStage(caller, row, from, to, request.note());
            return views.detail(opportunities.find(id));
        });
    }

    /**
     * The caller's authority takes part (interested or committed), or changes or withdraws its
     * part. The proposer may change its own role, to host or receive the service itself.
     */
    @Post("/participants")
    @Secured({Roles.AUTHORITY_OFFICER, Roles.AUTHORITY_ADMIN})
    public OpportunityDetailView join(Caller caller, @PathVariable UUID id, @Valid @Body CollaborationRequests.Join request) {
        ParticipantRole role = Choices.parse(ParticipantRole.class, request.role(), "participant role");
        ParticipantStatus status = Choices.parse(ParticipantStatus.class, request.status(), "participant status");
        return transactions.write(caller, connection -> views.detail(collaboration.join(caller, id, role, status)));
    }

    /** The proposer accepts an authority that asked to take part. */
    @Post("/participants/{authorityId}/accept")
    @Secured({Roles.AUTHORITY_OFFICER, Roles.AUTHORITY_ADMIN})
    public OpportunityDetailView accept(Caller caller, @PathVariable UUID id, @PathVariable UUID authorityId) {
        return transactions.write(caller, connection -> {
            OpportunityRow row = opportunities.find(id);
            requireProposer(caller, row);
            Participant participant = store.participants(id).stream().filter(p -> p.authorityId().equals(authorityId))
                    .findFirst().orElseThrow(() -> ProblemException.notFound("not-a-participant",
                            "Authority " + authorityId + " has not asked to take part."));
            store.accept(id, authorityId);
            events.publish(EventTypes.PARTICIPANT_ACCEPTED, id.toString(), row.authorityId(), regionsOf(id),
                    new ParticipantAccepted(id, authorityId, participant.role().name(), caller.subject(), Instant.now()));
            return views.detail(opportunities.find(id));
        });
    }

    /**
     * Submits a new version of the business case: the proposer or an accepted participant. It
     * may project savings for, and split costs between, only councils taking part (else 422).
     */
    @Put("/business-case")
    @Secured({Roles.AUTHORITY_OFFICER, Roles.AUTHORITY_ADMIN})
    public BusinessCaseView submitBusinessCase(Caller caller, @PathVariable UUID id,
                                               @Valid @Body CollaborationRequests.BusinessCase request) {
        BusinessCase businessCase = request.toDomain();
        return transactions.write(caller, connection ->
                BusinessCaseView.of(collaboration.submitBusinessCase(caller, id, businessCase), authorities::nameOf));
    }

    /** The business case as submitted: the latest version, or {@code ?version=n}; with each council's share of the costs. */
    @Get("/business-case")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    public BusinessCaseView businessCase(Caller caller, @PathVariable UUID id, @QueryValue @Nullable @Min(1) Integer version) {
        return transactions.read(caller, connection ->
                BusinessCaseView.of(collaboration.businessCase(id, version), authorities::nameOf));
    }

    /** A councillor on the board of the region the opportunity is before casts their vote. */
    @Post("/board/votes")
    @Secured(Roles.BOARD_MEMBER)
    public Map<String, Object> vote(Caller caller, @PathVariable UUID id, @Valid @Body CollaborationRequests.Vote request) {
        UUID authority = caller.requireAuthority();
        return transactions.write(caller, connection -> {
            OpportunityRow row = opportunities.find(id);
            Board board = boardOf(row);
            if (!memberships.isMember(authority, row.boardRegionId())) {
                throw ProblemException.forbidden("not-on-this-board",
                        "Only councillors of the region's member authorities sit on its board.");
            }
            if (store.recommendation(id).isPresent()) {
                throw ProblemException.conflict("board-has-recommended", "The board has already made its recommendation.");
            }
            BoardVote vote = new BoardVote(authority, caller.username(), request.inFavour());
            board.admit(store.votes(id), vote);
            if (!store.castVote(id, row.boardRegionId(), caller.subject(), vote, Instant.now())) {
                throw ProblemException.conflict("already-voted", "You have already voted on this.");
            }
            List<BoardVote> votes = store.votes(id);
            return Map.of("votes", votes.size(), "inFavour", votes.stream().filter(BoardVote::inFavour).count());
        });
    }

    /** Closes the vote and records the board's recommendation by its region's rule. */
    @Post("/board/recommendation")
    @Secured({Roles.AUTHORITY_OFFICER, Roles.AUTHORITY_ADMIN, Roles.REGION_ADMIN})
    public OpportunityDetailView recommend(Caller caller, @PathVariable UUID id) {
        return transactions.write(caller, connection -> {
            OpportunityRow row = opportunities.find(id);
            Board board = boardOf(row);
            boolean regionAdmin = caller.hasRole(Roles.REGION_ADMIN)
                    && memberships.isMember(caller.requireAuthority(), row.boardRegionId());
            if (!regionAdmin) {
                requireTakesPart(caller, id);
            }
            if (store.recommendation(id).isPresent()) {
                throw ProblemException.conflict("board-has-recommended", "The board has already made its recommendation.");
            }
            List<BoardVote> votes = store.votes(id);
            if (votes.isEmpty()) {
                throw ProblemException.conflict("no-votes", "No councillor has voted yet.");
            }
            BoardRecommendation outcome = board.evaluate(votes, memberships.membersOf(row.boardRegionId()));
            Instant now = Instant.now();
            store.recordRecommendation(id, row.boardRegionId(), outcome, caller.subject(), now);
            events.publish(EventTypes.BOARD_RECOMMENDATION_RECORDED, id.toString(), row.authorityId(), regionsOf(id),
                    new BoardRecommendationRecorded(id, row.authorityId(), row.boardRegionId(), outcome.recommended(),
                            outcome.rule().name(), outcome.inFavour(), outcome.against(), outcome.reason(), now));
            return views.detail(opportunities.find(id));
        });
    }

    /**
     * A participating council records its own decision. Once a host and a recipient have approved,
     * OpportunityApproved is published (once); once every participant has decided, the
     * opportunity is DECIDED.
     */
    @Post("/decisions")
    @Secured({Roles.AUTHORITY_OFFICER, Roles.AUTHORITY_ADMIN})
    public OpportunityDetailView decide(Caller caller, @PathVariable UUID id,
                                        @Valid @Body CollaborationRequests.Decision request) {
        DecisionOutcome outcome = Choices.parse(DecisionOutcome.class, request.outcome(), "decision outcome");
        DecisionBody body = Choices.parse(DecisionBody.class, request.body(), "decision-making body");
        UUID authority = caller.requireAuthority();
        return transactions.write(caller, connection -> {
            OpportunityRow row = opportunities.find(id);
            List<Participant> participants = store.participants(id);
            CouncilDecisions.requireMayDecide(participants, authority, store.recommendation(id).isPresent());
            Optional<BusinessCase> businessCase = store.latestBusinessCase(id).map(CollaborationStore.StoredBusinessCase::businessCase);
            if (outcome == DecisionOutcome.APPROVE && businessCase.map(BusinessCase::consultationOutstanding).orElse(false)) {
                throw ProblemException.conflict("consultation-outstanding", "The business case has staffing implications: "
                        + "record the staff and trade-union consultation before a council approves.");
            }
            Instant now = Instant.now();
            store.recordDecision(id, authority, outcome, body.name(), request.decidedOn(), request.minuteReference().strip(),
                    caller.subject(), now);
            List<UUID> regions = regionsOf(id);
            events.publish(EventTypes.COUNCIL_DECISION_RECORDED, id.toString(), row.authorityId(), regions,
                    new CouncilDecisionRecorded(id, authority, outcome.name(), body.name(), request.decidedOn(),
                            request.minuteReference().strip(), now));
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
            return views.detail(opportunities.find(id));
        });
    }

    private void moveStage(Caller caller, OpportunityRow row, Stage from, Stage to, String note) {
        Instant now = Instant.now();
        List<UUID> regions = regionsOf(row.id());
        rows.updateStage(row.id(), to.name());
        store.recordStageChange(row.id(), from.name(), to.name(), caller.subject(), now, note);
        events.publish(EventTypes.OPPORTUNITY_STAGE_CHANGED, row.id().toString(), row.authorityId(), regions,
                new OpportunityStageChanged(row.id(), row.authorityId(), from.name(), to.name(), caller.subject(), note,
                        regions, now));
    }

    private Board boardOf(OpportunityRow row) {
        if (Stage.valueOf(row.stage()) != Stage.BOARD_RECOMMENDATION || row.boardRegionId() == null) {
            throw ProblemException.conflict("not-before-the-board", "The opportunity is not before a board.");
        }
        return store.board(row.boardRegionId()).orElseThrow(() -> ProblemException.unprocessable("region-has-no-board",
                "The region has no board described."));
    }

    private List<UUID> regionsOf(UUID id) {
        return opportunities.regionsOf(id);
    }

    private static void requireProposer(Caller caller, OpportunityRow row) {
        if (!row.authorityId().equals(caller.requireAuthority())) {
            throw ProblemException.forbidden("not-the-proposer", "Only the proposing authority does this.");
        }
    }

    private void requireTakesPart(Caller caller, UUID id) {
        UUID authority = caller.requireAuthority();
        boolean takesPart = store.participants(id).stream().anyMatch(p -> p.authorityId().equals(authority) && p.decides());
        if (!takesPart) {
            throw ProblemException.forbidden("not-a-participant", "Only an accepted participant does this.");
        }
    }

    private static void requireOpen(OpportunityRow row) {
        if (Stage.valueOf(row.stage()).isClosed()) {
            throw ProblemException.conflict("opportunity-closed", "The opportunity is " + row.stage() + ".");
        }
    }
}
