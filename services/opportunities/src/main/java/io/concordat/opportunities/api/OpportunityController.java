package io.concordat.opportunities.api;

import io.concordat.events.EventTypes;
import io.concordat.events.opportunities.v1.OpportunityProposed;
import io.concordat.kit.directory.AuthorityDirectory;
import io.concordat.kit.directory.RegionMemberships;
import io.concordat.kit.outbox.EventPublisher;
import io.concordat.kit.problem.ProblemException;
import io.concordat.kit.tenancy.Caller;
import io.concordat.kit.tenancy.Roles;
import io.concordat.kit.tenancy.TenantTransactions;
import io.concordat.opportunities.domain.InvalidOpportunityException;
import io.concordat.opportunities.domain.Opportunity;
import io.concordat.opportunities.store.OpportunityRegionRepository;
import io.concordat.opportunities.store.OpportunityRegionRow;
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
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

@Controller("/api/v1/opportunities")
@Secured(SecurityRule.IS_AUTHENTICATED)
public class OpportunityController {

    private final TenantTransactions transactions;
    private final OpportunityRepository opportunities;
    private final OpportunityRegionRepository sharing;
    private final AuthorityDirectory authorities;
    private final RegionMemberships memberships;
    private final EventPublisher events;

    public OpportunityController(TenantTransactions transactions, OpportunityRepository opportunities,
                                 OpportunityRegionRepository sharing, AuthorityDirectory authorities,
                                 RegionMemberships memberships, EventPublisher events) {
        this.transactions = transactions;
        this.opportunities = opportunities;
        this.sharing = sharing;
        this.authorities = authorities;
        this.memberships = memberships;
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
        OpportunityView saved = transactions.write(caller, connection -> {
            if (!authorities.isRegistered(authorityId)) {
                throw ProblemException.conflict("authority-not-registered",
                        "Your authority's registration has not reached this service; it cannot propose yet.");
            }
            List<UUID> regions = request.regionIds() == null ? List.of() : request.regionIds().stream().distinct().toList();
            List<UUID> notMember = regions.stream().filter(r -> !memberships.isMember(authorityId, r)).toList();
            if (!notMember.isEmpty()) {
                throw ProblemException.unprocessable("not-a-member-of-region",
                        "Your authority can share only with regions it belongs to; it is not a member of " + notMember + ".");
            }
            OpportunityRow row = opportunities.save(new OpportunityRow(opportunity.id(), authorityId, opportunity.title(),
                    opportunity.serviceArea().code(), opportunity.description(), opportunity.stage().name(),
                    opportunity.proposedBy(), opportunity.proposedAt()));
            regions.forEach(region -> sharing.save(new OpportunityRegionRow(
                    new OpportunityRegionRow.Key(row.id(), region), authorityId)));
            events.publish(EventTypes.OPPORTUNITY_PROPOSED, row.id().toString(), authorityId, regions,
                    new OpportunityProposed(row.id(), authorityId, row.title(), row.serviceArea(), row.description(),
                            regions, row.proposedBy(), row.proposedAt()));
            return OpportunityView.of(row, regions);
        });
        return HttpResponse.created(saved, URI.create("/api/v1/opportunities/" + saved.id()));
    }

    @Get("/{id}")
    public OpportunityView get(Caller caller, @PathVariable UUID id) {
        return transactions.read(caller, connection -> opportunities.findById(id).map(row -> views(List.of(row)).get(0)))
                .orElseThrow(() -> ProblemException.notFound("opportunity-not-found", "No opportunity " + id + " for you."));
    }

    @Get
    public Page<OpportunityView> list(Caller caller,
                                      @QueryValue(defaultValue = "0") @Min(0) int page,
                                      @QueryValue(defaultValue = "20") @Min(1) @Max(100) int size) {
        Pageable pageable = Pageable.from(page, size, Sort.of(Sort.Order.desc("proposedAt")));
        return transactions.read(caller, connection -> {
            Page<OpportunityRow> rows = opportunities.findAll(pageable);
            return Page.of(views(rows.getContent()), pageable, rows.getTotalSize());
        });
    }

    /** Views of the rows with the regions each is shared with, as far as the reader may see them. */
    private List<OpportunityView> views(List<OpportunityRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<UUID>> regions = sharing.findByKeyOpportunityIdIn(rows.stream().map(OpportunityRow::id).toList())
                .stream().collect(Collectors.groupingBy(r -> r.key().opportunityId(),
                        Collectors.mapping(r -> r.key().regionId(), Collectors.toList())));
        return rows.stream().map(row -> OpportunityView.of(row, regions.getOrDefault(row.id(), List.of()))).toList();
    }
}
