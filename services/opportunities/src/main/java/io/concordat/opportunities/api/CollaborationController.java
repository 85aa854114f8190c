package io.concordat.opportunities.api;

import io.concordat.kit.directory.AuthorityDirectory;
import io.concordat.kit.problem.Choices;
import io.concordat.kit.tenancy.Caller;
import io.concordat.kit.tenancy.Roles;
import io.concordat.kit.tenancy.TenantTransactions;
import io.concordat.opportunities.app.Collaboration;
import io.concordat.opportunities.domain.BoardVote;
import io.concordat.opportunities.domain.BusinessCase;
import io.concordat.opportunities.domain.DecisionBody;
import io.concordat.opportunities.domain.DecisionOutcome;
import io.concordat.opportunities.domain.ParticipantRole;
import io.concordat.opportunities.domain.ParticipantStatus;
import io.concordat.opportunities.domain.Stage;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.concordat.kit.apidocs.ProblemAnswers;
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

import java.util.List;
import java.util.UUID;

/**
 * The steps an opportunity goes through after it is proposed: its stages, who takes part, its
 * business case, its board's recommendation and each council's decision. Each endpoint parses,
 * calls one step of {@link Collaboration} in the caller's transaction and shapes the answer.
 */
@ProblemAnswers
@Controller("/api/v1/opportunities/{id}")
public class CollaborationController {

    private final TenantTransactions transactions;
    private final Collaboration collaboration;
    private final OpportunityViews views;
    private final AuthorityDirectory authorities;

    public CollaborationController(TenantTransactions transactions, Collaboration collaboration, OpportunityViews views,
                                   AuthorityDirectory authorities) {
        this.transactions = transactions;
        this.collaboration = collaboration;
        this.views = views;
        this.authorities = authorities;
    }

    /** The proposer moves the opportunity on; an illegal move is a 409 naming the allowed stages. */
    @Post("/stage")
    @Secured({Roles.AUTHORITY_OFFICER, Roles.AUTHORITY_ADMIN})
    public OpportunityDetailView changeStage(Caller caller, @PathVariable UUID id,
                                             @Valid @Body ChangeStageRequest request) {
        Stage to = Choices.parse(Stage.class, request.to(), "stage");
        return transactions.write(caller, connection -> views.detail(
                collaboration.changeStage(caller, id, to, request.note(), request.boardRegionId())));
    }

    /**
     * The caller's authority takes part (interested or committed), or changes or withdraws its
     * part. The proposer may change its own role, to host or receive the service itself.
     */
    @Post("/participants")
    @Secured({Roles.AUTHORITY_OFFICER, Roles.AUTHORITY_ADMIN})
    public OpportunityDetailView join(Caller caller, @PathVariable UUID id, @Valid @Body JoinRequest request) {
        ParticipantRole role = Choices.parse(ParticipantRole.class, request.role(), "participant role");
        ParticipantStatus status = Choices.parse(ParticipantStatus.class, request.status(), "participant status");
        return transactions.write(caller, connection -> views.detail(collaboration.join(caller, id, role, status)));
    }

    /** The proposer accepts an authority that asked to take part. */
    @Post("/participants/{authorityId}/accept")
    @Secured({Roles.AUTHORITY_OFFICER, Roles.AUTHORITY_ADMIN})
    public OpportunityDetailView accept(Caller caller, @PathVariable UUID id, @PathVariable UUID authorityId) {
        return transactions.write(caller, connection -> views.detail(collaboration.accept(caller, id, authorityId)));
    }

    /**
     * Submits a new version of the business case: the proposer or an accepted participant. It
     * may project savings for, and split costs between, only councils taking part (else 422).
     */
    @Put("/business-case")
    @Secured({Roles.AUTHORITY_OFFICER, Roles.AUTHORITY_ADMIN})
    public BusinessCaseView submitBusinessCase(Caller caller, @PathVariable UUID id,
                                               @Valid @Body BusinessCaseRequest request) {
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
    public BoardTallyView vote(Caller caller, @PathVariable UUID id,
                                @Valid @Body VoteRequest request) {
        return transactions.write(caller, connection -> {
            List<BoardVote> votes = collaboration.vote(caller, id, request.inFavour());
            return new BoardTallyView(votes.size(), votes.stream().filter(BoardVote::inFavour).count());
        });
    }

    /** Closes the vote and records the board's recommendation by its region's rule. */
    @Post("/board/recommendation")
    @Secured({Roles.AUTHORITY_OFFICER, Roles.AUTHORITY_ADMIN, Roles.REGION_ADMIN})
    public OpportunityDetailView recommend(Caller caller, @PathVariable UUID id) {
        return transactions.write(caller, connection -> views.detail(collaboration.recommend(caller, id)));
    }

    /**
     * A participating council records its own decision. Once a host and a recipient have approved,
     * OpportunityApproved is published (once); once every participant has decided, the
     * opportunity is DECIDED.
     */
    @Post("/decisions")
    @Secured({Roles.AUTHORITY_OFFICER, Roles.AUTHORITY_ADMIN})
    public OpportunityDetailView decide(Caller caller, @PathVariable UUID id,
                                        @Valid @Body DecisionRequest request) {
        DecisionOutcome outcome = Choices.parse(DecisionOutcome.class, request.outcome(), "decision outcome");
        DecisionBody body = Choices.parse(DecisionBody.class, request.body(), "decision-making body");
        return transactions.write(caller, connection -> views.detail(collaboration.decide(caller, id, outcome, body,
                request.decidedOn(), request.minuteReference())));
    }
}
