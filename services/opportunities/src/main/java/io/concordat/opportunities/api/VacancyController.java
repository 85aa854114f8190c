package io.concordat.opportunities.api;

import io.concordat.kit.directory.AuthorityDirectory;
import io.concordat.kit.directory.RegionMemberships;
import io.concordat.kit.tenancy.Caller;
import io.concordat.kit.tenancy.Roles;
import io.concordat.kit.problem.Choices;
import io.concordat.kit.tenancy.TenantTransactions;
import io.concordat.opportunities.app.Proposals;
import io.concordat.opportunities.app.Vacancies;
import io.concordat.opportunities.domain.Opportunity;
import io.concordat.opportunities.domain.ParticipantRole;
import io.concordat.opportunities.domain.Vacancy;
import io.concordat.opportunities.domain.VacancyStatus;
import io.concordat.events.ServiceArea;
import io.concordat.opportunities.store.VacancyStore;
import io.micronaut.core.annotation.Nullable;
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

import java.net.URI;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Vacant posts and who might share them. A vacancy is seen by the councils that share a region
 * with its authority, so that before recruiting a council can find others recruiting to the same
 * kind of post, and open an opportunity to share it.
 */
@Controller("/api/v1/opportunities")
@Secured(SecurityRule.IS_AUTHENTICATED)
public class VacancyController {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private final TenantTransactions transactions;
    private final Vacancies vacancies;
    private final VacancyStore store;
    private final Proposals opportunities;
    private final AuthorityDirectory authorities;
    private final RegionMemberships memberships;

    public VacancyController(TenantTransactions transactions, Vacancies vacancies, VacancyStore store,
                             Proposals opportunities, AuthorityDirectory authorities, RegionMemberships memberships) {
        this.transactions = transactions;
        this.vacancies = vacancies;
        this.store = store;
        this.opportunities = opportunities;
        this.authorities = authorities;
        this.memberships = memberships;
    }

    @Post("/vacancies")
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

    @Get("/vacancies/{id}")
    public VacancyView get(Caller caller, @PathVariable UUID id) {
        return transactions.read(caller, connection -> view(vacancies.find(id)));
    }

    /** For each of the caller's vacancies recruiting today, the councils in its regions recruiting to the same kind of post. */
    @Get("/vacancies/matches")
    public List<VacancyMatchView> matches(Caller caller) {
        UUID authority = caller.requireAuthority();
        return transactions.read(caller, connection -> store.openOn(Vacancies.today(), null).stream()
                .filter(v -> v.authorityId().equals(authority))
                .map(v -> new VacancyMatchView(view(v), partnersFor(v))).toList());
    }

    /** The councils that might share this vacancy's post, and why. */
    @Get("/vacancies/{id}/possible-partners")
    public List<PartnerView> possiblePartners(Caller caller, @PathVariable UUID id) {
        return transactions.read(caller, connection -> partnersFor(vacancies.find(id)));
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
            Map<UUID, List<String>> reasons = new LinkedHashMap<>();
            Map<UUID, Integer> scores = new LinkedHashMap<>();
            Set<UUID> neighbours = neighboursOf(opportunity.authorityId());
            addHosts(opportunity.serviceArea().code(), neighbours, taking, scores, reasons);
            for (Vacancy v : store.openOn(Vacancies.today(), opportunity.serviceArea().code())) {
                if (neighbours.contains(v.authorityId()) && !taking.contains(v.authorityId())) {
                    scores.merge(v.authorityId(), 3, Integer::sum);
                    reasons.computeIfAbsent(v.authorityId(), a -> new ArrayList<>()).add(recruiting(v));
                }
            }
            for (VacancyStore.Interest interest : store.interestIn(opportunity.serviceArea().code())) {
                UUID other = interest.authorityId();
                if (neighbours.contains(other) && !taking.contains(other)) {
                    scores.merge(other, 2, Integer::sum);
                    reasons.computeIfAbsent(other, a -> new ArrayList<>())
                            .add("takes part in '" + interest.opportunityTitle() + "' in the same service area");
                }
            }
            return ranked(opportunity.authorityId(), scores, reasons);
        });
    }

    private List<PartnerView> partnersFor(Vacancy vacancy) {
        Map<UUID, List<String>> reasons = new LinkedHashMap<>();
        Map<UUID, Integer> scores = new LinkedHashMap<>();
        Set<UUID> neighbours = neighboursOf(vacancy.authorityId());
        addHosts(vacancy.serviceArea(), neighbours, Set.of(vacancy.authorityId()), scores, reasons);
        for (Vacancy other : store.openOn(Vacancies.today(), vacancy.serviceArea())) {
            if (!other.authorityId().equals(vacancy.authorityId()) && neighbours.contains(other.authorityId())) {
                scores.merge(other.authorityId(), 3, Integer::sum);
                reasons.computeIfAbsent(other.authorityId(), a -> new ArrayList<>()).add(recruiting(other));
            }
        }
        return ranked(vacancy.authorityId(), scores, reasons);
    }

    /** Neighbours that already host a shared service of the area: the strongest match. */
    private void addHosts(String serviceArea, Set<UUID> neighbours, Set<UUID> leaveOut, Map<UUID, Integer> scores,
                          Map<UUID, List<String>> reasons) {
        for (VacancyStore.Hosting hosting : store.hosting(serviceArea)) {
            if (neighbours.contains(hosting.authorityId()) && !leaveOut.contains(hosting.authorityId())) {
                scores.merge(hosting.authorityId(), 4, Integer::sum);
                reasons.computeIfAbsent(hosting.authorityId(), a -> new ArrayList<>())
                        .add("already hosts '" + hosting.title() + "'");
            }
        }
    }

    /** The authorities that share at least one region with the given one today. */
    private Set<UUID> neighboursOf(UUID authority) {
        Set<UUID> neighbours = new java.util.HashSet<>();
        memberships.regionsOf(authority).forEach(region -> neighbours.addAll(memberships.membersOf(region)));
        neighbours.remove(authority);
        return neighbours;
    }

    private List<PartnerView> ranked(UUID from, Map<UUID, Integer> scores, Map<UUID, List<String>> reasons) {
        List<UUID> fromRegions = memberships.regionsOf(from);
        return scores.entrySet().stream().map(e -> {
            List<String> shared = memberships.regionsOf(e.getKey()).stream().filter(fromRegions::contains)
                    .map(memberships::nameOf).sorted().toList();
            return new PartnerView(e.getKey(), authorities.nameOf(e.getKey()), e.getValue(),
                    reasons.get(e.getKey()), shared);
        }).sorted(Comparator.comparingInt(PartnerView::score).reversed()
                .thenComparing(PartnerView::authorityName)).toList();
    }

    private String recruiting(Vacancy v) {
        String area = ServiceArea.byCode(v.serviceArea()).map(ServiceArea::title).orElse(v.serviceArea());
        return "is also recruiting: " + v.title() + " (" + area + "), closing " + DAY.format(v.closingDate());
    }

    private VacancyView view(Vacancy v) {
        return new VacancyView(v.id(), v.authorityId(), authorities.nameOf(v.authorityId()), v.title(),
                v.serviceArea(), v.grade(), v.closingDate(), v.status().name(), v.opportunityId(), v.postedAt(),
                v.isOpenOn(Vacancies.today()), v.closedOn());
    }
}
