package io.concordat.opportunities.api;

import io.concordat.kit.directory.AuthorityDirectory;
import io.concordat.kit.tenancy.Caller;
import io.concordat.kit.tenancy.Roles;
import io.concordat.kit.problem.Choices;
import io.concordat.kit.tenancy.TenantTransactions;
import io.concordat.opportunities.app.Proposals;
import io.concordat.opportunities.app.VacancyMatching;
import io.concordat.opportunities.app.Vacancies;
import io.concordat.opportunities.domain.Opportunity;
import io.concordat.opportunities.domain.ParticipantRole;
import io.concordat.opportunities.domain.Vacancy;
import io.concordat.opportunities.domain.VacancyStatus;
import io.concordat.opportunities.store.VacancyStore;
import io.micronaut.core.annotation.Nullable;
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

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Vacant posts and who might share them. A vacancy is seen by the councils that share a region
 * with its authority, so that before recruiting a council can find others recruiting to the same
 * kind of post, and open an opportunity to share it.
 */
@ProblemAnswers
@Controller("/api/v1/opportunities")
@Secured(SecurityRule.IS_AUTHENTICATED)
public class VacancyController {

    private final TenantTransactions transactions;
    private final Vacancies vacancies;
    private final VacancyStore store;
    private final Proposals opportunities;
    private final AuthorityDirectory authorities;
    private final VacancyMatching matching;

    public VacancyController(TenantTransactions transactions, Vacancies vacancies, VacancyStore store,
                             Proposals opportunities, AuthorityDirectory authorities, VacancyMatching matching) {
        this.transactions = transactions;
        this.vacancies = vacancies;
        this.store = store;
        this.opportunities = opportunities;
        this.authorities = authorities;
        this.matching = matching;
    }

    /** Posts a vacancy of the caller's authority, which others in its regions could share. */
    @Post("/vacancies")
    @Status(HttpStatus.CREATED)
    @Secured({Roles.AUTHORITY_OFFICER, Roles.AUTHORITY_ADMIN})
    public HttpResponse<VacancyView> post(Caller caller, @Valid @Body PostVacancyRequest request) {
        VacancyView view = transactions.write(caller, connection -> view(vacancies.post(caller, request.title(),
                request.serviceArea(), request.grade(), request.closingDate())));
        return HttpResponse.created(view, URI.create("/api/v1/opportunities/vacancies/" + view.id()));
    }

    /** Vacancies recruiting today (open, closing date not passed) of the caller's authority and of those it shares a region with. */
    @Get("/vacancies")
    public List<VacancyView> list(Caller caller, @QueryValue @Nullable String serviceArea) {
        return transactions.read(caller, connection -> store.openOn(Vacancies.today(), serviceArea).stream()
                .map(this::view).toList());
    }

    /** One vacancy. */
    @Get("/vacancies/{id}")
    public VacancyView get(Caller caller, @PathVariable UUID id) {
        return transactions.read(caller, connection -> view(vacancies.find(id)));
    }

    /** For each of the caller's vacancies recruiting today, the councils in its regions recruiting to the same kind of post. */
    @Get("/vacancies/matches")
    public List<VacancyMatchView> matches(Caller caller) {
        UUID authority = caller.requireAuthority();
        return transactions.read(caller, connection -> matching.matches(authority).stream()
                .map(m -> new VacancyMatchView(view(m.vacancy()), partners(m.partners()))).toList());
    }

    /** The councils that might share this vacancy's post, and why. */
    @Get("/vacancies/{id}/possible-partners")
    public List<PartnerView> possiblePartners(Caller caller, @PathVariable UUID id) {
        return transactions.read(caller, connection -> partners(matching.partnersFor(vacancies.find(id))));
    }

    /** The council whose post it is closes it: FILLED or WITHDRAWN. It then no longer surfaces to others. */
    @Post("/vacancies/{id}/close")
    @Secured({Roles.AUTHORITY_OFFICER, Roles.AUTHORITY_ADMIN})
    public VacancyView close(Caller caller, @PathVariable UUID id, @Valid @Body CloseVacancyRequest request) {
        VacancyStatus reason = Choices.parse(VacancyStatus.class, request.reason(), "close reason");
        return transactions.write(caller, connection -> view(vacancies.close(caller, id, reason)));
    }

    /**
     * Before recruiting: opens an opportunity to share the post, in which the council whose post
     * it is takes part in the role it chooses (by default as the prospective recipient), shared
     * with the regions it names (by default all of its own). The vacancy stops recruiting.
     */
    @Post("/vacancies/{id}/opportunity")
    @Status(HttpStatus.CREATED)
    @Secured({Roles.AUTHORITY_OFFICER, Roles.AUTHORITY_ADMIN})
    public HttpResponse<OpportunityView> openOpportunity(Caller caller, @PathVariable UUID id,
                                                         @Valid @Nullable @Body OpenOpportunityRequest request) {
        ParticipantRole role = request == null ? null
                : Choices.parseOrNull(ParticipantRole.class, request.role(), "participant role");
        List<UUID> regions = request == null ? null : request.regionIds();
        OpportunityView view = transactions.write(caller, connection ->
                OpportunityView.of(vacancies.openOpportunity(caller, id, role, regions)));
        return HttpResponse.created(view, URI.create("/api/v1/opportunities/" + view.id()));
    }

    /**
     * Ranks the councils that share a region with the proposer of an opportunity and could take
     * part: hosting the service already (4), recruiting to the same kind of post (3), or taking
     * part in another opportunity of the same service area (2). Councils already taking part are
     * left out.
     */
    @Get("/{id}/suggested-partners")
    public List<PartnerView> suggestedPartners(Caller caller, @PathVariable UUID id) {
        return transactions.read(caller, connection -> {
            Opportunity opportunity = opportunities.find(id);
            Set<UUID> taking = new java.util.HashSet<>();
            opportunity.participants().forEach(p -> taking.add(p.authorityId()));
            return partners(matching.suggestedFor(opportunity.authorityId(), opportunity.serviceArea().code(), taking));
        });
    }

    private static List<PartnerView> partners(List<VacancyMatching.Partner> partners) {
        return partners.stream().map(p -> new PartnerView(p.authorityId(), p.authorityName(), p.score(),
                p.reasons(), p.sharedRegions())).toList();
    }

    private VacancyView view(Vacancy v) {
        return new VacancyView(v.id(), v.authorityId(), authorities.nameOf(v.authorityId()), v.title(),
                v.serviceArea(), v.grade(), v.closingDate(), v.status().name(), v.opportunityId(), v.postedAt(),
                v.isOpenOn(Vacancies.today()), v.closedOn());
    }
}
