package io.concordat.opportunities.api;

import io.concordat.events.EventTypes;
import io.concordat.events.opportunities.v1.OpportunityProposed;
import io.concordat.kit.directory.AuthorityDirectory;
import io.concordat.kit.outbox.EventPublisher;
import io.concordat.kit.problem.ProblemException;
import io.concordat.kit.tenancy.Caller;
import io.concordat.kit.tenancy.Roles;
import io.concordat.kit.tenancy.TenantTransactions;
import io.concordat.opportunities.domain.InvalidOpportunityException;
import io.concordat.opportunities.domain.Opportunity;
import io.concordat.opportunities.store.OpportunityRepository;
import io.concordat.opportunities.store.OpportunityRow;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
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

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Controller("/api/v1/opportunities")
@Secured(SecurityRule.IS_AUTHENTICATED)
public class OpportunityController {

    private final TenantTransactions transactions;
    private final OpportunityRepository opportunities;
    private final AuthorityDirectory authorities;
    private final EventPublisher events;

    public OpportunityController(TenantTransactions transactions, OpportunityRepository opportunities,
                                 AuthorityDirectory authorities, EventPublisher events) {
        this.transactions = transactions;
        this.opportunities = opportunities;
        this.authorities = authorities;
        this.events = events;
    }

    /** Proposes an opportunity for the caller's authority; the row and its event commit together. */
    @Post
    @Secured({Roles.AUTHORITY_OFFICER, Roles.AUTHORITY_ADMIN})
    public HttpResponse<OpportunityView> propose(Caller caller, @Valid @Body ProposeOpportunityRequest request) {
        UUID authorityId = caller.requireAuthority();
        Opportunity opportunity;
        try {
            opportunity = Opportunity.propose(authorityId, request.title(), request.serviceArea(), request.description(),
                    caller.subject(), Instant.now());
        } catch (InvalidOpportunityException e) {
            throw ProblemException.badRequest(e.rule(), e.getMessage());
        }
        OpportunityRow saved = transactions.write(caller, connection -> {
            if (!authorities.isRegistered(authorityId)) {
                throw ProblemException.conflict("authority-not-registered",
                        "Your authority's registration has not reached this service; it cannot propose yet.");
            }
            OpportunityRow row = opportunities.save(new OpportunityRow(opportunity.id(), authorityId, opportunity.title(),
                    opportunity.serviceArea().code(), opportunity.description(), opportunity.stage().name(),
                    opportunity.proposedBy(), opportunity.proposedAt()));
            events.publish(EventTypes.OPPORTUNITY_PROPOSED, row.id().toString(), authorityId, List.of(),
                    new OpportunityProposed(row.id(), authorityId, row.title(), row.serviceArea(), row.description(),
                            List.of(), row.proposedBy(), row.proposedAt()));
            return row;
        });
        return HttpResponse.created(OpportunityView.of(saved), URI.create("/api/v1/opportunities/" + saved.id()));
    }

    @Get("/{id}")
    public OpportunityView get(Caller caller, @PathVariable UUID id) {
        return transactions.read(caller, connection -> opportunities.findById(id).map(OpportunityView::of))
                .orElseThrow(() -> ProblemException.notFound("opportunity-not-found", "No opportunity " + id + " for you."));
    }

    @Get
    public Page<OpportunityView> list(Caller caller,
                                      @QueryValue(defaultValue = "0") @Min(0) int page,
                                      @QueryValue(defaultValue = "20") @Min(1) @Max(100) int size) {
        Pageable pageable = Pageable.from(page, size, Sort.of(Sort.Order.desc("proposedAt")));
        return transactions.read(caller, connection -> opportunities.findAll(pageable).map(OpportunityView::of));
    }
}
