package io.concordat.opportunities.api;

import io.concordat.kit.problem.Choices;
import io.concordat.kit.problem.ProblemException;
import io.concordat.kit.tenancy.Caller;
import io.concordat.kit.tenancy.Roles;
import io.concordat.kit.tenancy.TenantTransactions;
import io.concordat.opportunities.app.Proposals;
import io.concordat.opportunities.domain.CollaborationModel;
import io.concordat.opportunities.domain.Horizon;
import io.concordat.opportunities.domain.Opportunity;
import io.concordat.opportunities.domain.ParticipantRole;
import io.concordat.opportunities.domain.Participation;
import io.concordat.events.ServiceArea;
import io.concordat.opportunities.domain.Stage;
import io.concordat.opportunities.domain.Trigger;
import io.concordat.opportunities.store.OpportunitySearch;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Status;
import io.micronaut.http.annotation.Body;
import io.concordat.kit.apidocs.ProblemAnswers;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ProblemAnswers
@Controller("/api/v1/opportunities")
@Secured(SecurityRule.IS_AUTHENTICATED)
public class OpportunityController {

    private final TenantTransactions transactions;
    private final Proposals proposals;
    private final OpportunitySearch search;
    private final OpportunityViews views;

    public OpportunityController(TenantTransactions transactions, Proposals proposals, OpportunitySearch search,
                                 OpportunityViews views) {
        this.transactions = transactions;
        this.proposals = proposals;
        this.search = search;
        this.views = views;
    }

    /** Proposes an opportunity for the caller's authority; the row and its event commit together. */
    @Post
    @Status(HttpStatus.CREATED)
    @Secured({Roles.AUTHORITY_OFFICER, Roles.AUTHORITY_ADMIN})
    public HttpResponse<OpportunityView> propose(Caller caller, @Valid @Body ProposeOpportunityRequest request) {
        UUID authorityId = caller.requireAuthority();
        CollaborationModel model = Choices.parseOrNull(CollaborationModel.class, request.model(), "collaboration model");
        Trigger trigger = Choices.parseOrNull(Trigger.class, request.trigger(), "trigger");
        Horizon horizon = Choices.parseOrNull(Horizon.class, request.horizon(), "horizon");
        ParticipantRole proposerRole = Participation.proposerRole(
                Choices.parseOrNull(ParticipantRole.class, request.proposerRole(), "participant role"));
        if (request.targetDecisionOn() != null && request.targetStartOn() != null
                && request.targetStartOn().isBefore(request.targetDecisionOn())) {
            throw ProblemException.badRequest("start-before-decision", "The target start cannot come before the target decision.");
        }
        Opportunity opportunity = Opportunity.propose(authorityId, request.title(), request.serviceArea(),
                request.description(), model, trigger, horizon, caller.subject(), Instant.now());
        List<UUID> regions = request.regionIds() == null ? List.of() : request.regionIds().stream().distinct().toList();
        OpportunityView saved = transactions.write(caller, connection -> OpportunityView.of(proposals.propose(opportunity,
                regions, request.targetDecisionOn(), request.targetStartOn(), proposerRole)));
        return HttpResponse.created(saved, URI.create("/api/v1/opportunities/" + saved.id()));
    }

    /** One opportunity with its participants, business case, board recommendation and decisions. */
    @Get("/{id}")
    public OpportunityDetailView get(Caller caller, @PathVariable UUID id) {
        return transactions.read(caller, connection -> views.detail(proposals.find(id)));
    }

    /**
     * Lists what the caller may see, newest first, filtered by stage, theme (a service area code or
     * its prefix, e.g. {@code support}), model, horizon, region, proposing authority and text.
     */
    @Get
    public Page<OpportunityView> list(Caller caller,
                                      @QueryValue @Nullable String stage,
                                      @QueryValue @Nullable @Size(max = 100) String theme,
                                      @QueryValue @Nullable String model,
                                      @QueryValue @Nullable String horizon,
                                      @QueryValue @Nullable UUID region,
                                      @QueryValue @Nullable UUID authority,
                                      @QueryValue @Nullable @Size(max = 200) String q,
                                      @QueryValue(defaultValue = "0") @Min(0) int page,
                                      @QueryValue(defaultValue = "20") @Min(1) @Max(100) int size) {
        OpportunitySearch.Filters filters = new OpportunitySearch.Filters(
                name(Choices.parseOrNull(Stage.class, stage, "stage")),
                theme == null || theme.isBlank() ? null : theme.strip(),
                name(Choices.parseOrNull(CollaborationModel.class, model, "collaboration model")),
                name(Choices.parseOrNull(Horizon.class, horizon, "horizon")),
                region, authority, q == null || q.isBlank() ? null : q.strip());
        if (filters.theme() != null && ServiceArea.byCode(filters.theme()).isEmpty()
                && java.util.Arrays.stream(ServiceArea.values()).noneMatch(a -> a.code().startsWith(filters.theme() + "."))) {
            throw ProblemException.badRequest("unknown-service-area", "'" + theme + "' is not a service area or theme.");
        }
        return transactions.read(caller, connection -> {
            OpportunitySearch.Result result = search.find(filters, page, size);
            return Page.of(views.views(result.rows()), Pageable.from(page, size), result.total());
        });
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
