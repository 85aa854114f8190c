package io.concordat.opportunities.api;

import io.concordat.events.EventTypes;
import io.concordat.events.opportunities.v1.VacancyPosted;
import io.concordat.kit.directory.AuthorityDirectory;
import io.concordat.kit.directory.RegionMemberships;
import io.concordat.kit.outbox.EventPublisher;
import io.concordat.kit.problem.ProblemException;
import io.concordat.kit.tenancy.Caller;
import io.concordat.kit.tenancy.Roles;
import io.concordat.kit.tenancy.TenantTransactions;
import io.concordat.opportunities.domain.CollaborationModel;
import io.concordat.opportunities.domain.Horizon;
import io.concordat.opportunities.domain.Opportunity;
import io.concordat.opportunities.domain.ParticipantRole;
import io.concordat.events.ServiceArea;
import io.concordat.opportunities.domain.Trigger;
import io.concordat.opportunities.store.CollaborationStore;
import io.concordat.opportunities.store.OpportunityRow;
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
import java.time.Instant;
import java.time.LocalDate;
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
    private final VacancyStore vacancies;
    private final CollaborationStore collaboration;
    private final OpportunityController opportunities;
    private final AuthorityDirectory authorities;
    private final RegionMemberships memberships;
    private final EventPublisher events;

    public VacancyController(TenantTransactions transactions, VacancyStore vacancies, CollaborationStore collaboration,
                             OpportunityController opportunities, AuthorityDirectory authorities,
                             RegionMemberships memberships, EventPublisher events) {
        this.transactions = transactions;
        this.vacancies = vacancies;
        this.collaboration = collaboration;
        this.opportunities = opportunities;
        this.authorities = authorities;
        this.memberships = memberships;
        this.events = events;
    }

    @Post("/vacancies")
    @Secured({Roles.AUTHORITY_OFFICER, Roles.AUTHORITY_ADMIN})
    public HttpResponse<VacancyViews.Vacancy> post(Caller caller, @Valid @Body VacancyViews.PostVacancy request) {
        UUID authority = caller.requireAuthority();
        ServiceArea area = ServiceArea.byCode(request.serviceArea()).orElseThrow(() -> ProblemException.badRequest(
                "unknown-service-area", "'" + request.serviceArea() + "' is not a service area code."));
        if (request.closingDate().isBefore(LocalDate.now())) {
            throw ProblemException.badRequest("closing-date-passed", "The closing date has passed.");
        }
        VacancyViews.Vacancy view = transactions.write(caller, connection -> {
            if (!authorities.isRegistered(authority)) {
                throw ProblemException.conflict("authority-not-registered", "Your authority's registration has not reached "
                        + "this service yet.");
            }
            VacancyStore.Vacancy vacancy = new VacancyStore.Vacancy(UUID.randomUUID(), authority, request.title().strip(),
                    area.code(), request.grade().strip(), request.closingDate(), "OPEN", null, Instant.now());
            vacancies.post(vacancy, caller.subject());
            events.publish(EventTypes.VACANCY_POSTED, vacancy.id().toString(), authority, memberships.regionsOf(authority),
                    new VacancyPosted(vacancy.id(), authority, vacancy.title(), vacancy.serviceArea(), vacancy.grade(),
                            vacancy.closingDate(), vacancy.postedAt()));
            return view(vacancy);
        });
        return HttpResponse.created(view, URI.create("/api/v1/opportunities/vacancies/" + view.id()));
    }

    /** Open vacancies of the caller's authority and of the authorities it shares a region with. */
    @Get("/vacancies")
    public List<VacancyViews.Vacancy> list(Caller caller, @QueryValue @Nullable String serviceArea) {
        return transactions.read(caller, connection -> vacancies.open(serviceArea).stream().map(this::view).toList());
    }

    @Get("/vacancies/{id}")
    public VacancyViews.Vacancy get(Caller caller, @PathVariable UUID id) {
        return transactions.read(caller, connection -> view(find(id)));
    }

    /** For each of the caller's open vacancies, the councils in its regions recruiting to the same kind of post. */
    @Get("/vacancies/matches")
    public List<VacancyViews.Match> matches(Caller caller) {
        UUID authority = caller.requireAuthority();
        return transactions.read(caller, connection -> vacancies.open(null).stream()
                .filter(v -> v.authorityId().equals(authority))
                .map(v -> new VacancyViews.Match(view(v), partnersFor(v))).toList());
    }

    /** The councils that might share this vacancy's post, and why. */
    @Get("/vacancies/{id}/possible-partners")
    public List<VacancyViews.Partner> possiblePartners(Caller caller, @PathVariable UUID id) {
        return transactions.read(caller, connection -> partnersFor(find(id)));
    }

    /** Before recruiting: opens an opportunity to share the post, shared with all the authority's regions. */
    @Post("/vacancies/{id}/opportunity")
    @Secured({Roles.AUTHORITY_OFFICER, Roles.AUTHORITY_ADMIN})
    public HttpResponse<OpportunityView> openOpportunity(Caller caller, @PathVariable UUID id) {
        UUID authority = caller.requireAuthority();
        OpportunityView view = transactions.write(caller, connection -> {
            VacancyStore.Vacancy vacancy = find(id);
            if (!vacancy.authorityId().equals(authority)) {
                throw ProblemException.forbidden("not-your-vacancy", "Only the authority with the vacancy opens its opportunity.");
            }
            if (vacancy.opportunityId() != null) {
                throw ProblemException.conflict("opportunity-already-open", "Vacancy " + id + " already has opportunity "
                        + vacancy.opportunityId() + ".");
            }
            Opportunity opportunity = Opportunity.propose(authority, "Sharing the " + vacancy.title() + " post",
                    vacancy.serviceArea(), "Opened from the vacancy before recruiting: " + vacancy.title() + " (grade "
                            + vacancy.grade() + "), closing " + DAY.format(vacancy.closingDate()) + ".",
                    CollaborationModel.SHARED_POST, Trigger.VACANCY, Horizon.QUICK_WIN, caller.subject(), Instant.now());
            List<UUID> regions = memberships.regionsOf(authority);
            OpportunityRow row = opportunities.create(authority, opportunity, regions, null, ParticipantRole.PROPOSER);
            vacancies.linkOpportunity(id, row.id());
            return OpportunityView.of(row, regions);
        });
        return HttpResponse.created(view, URI.create("/api/v1/opportunities/" + view.id()));
    }

    /**
     * Ranks the councils that share a region with the proposer of an opportunity and could take
     * part: hosting the service already (4), recruiting to the same kind of post (3), or taking
     * part in another opportunity of the same service area (2). Councils already taking part are
     * left out.
     */
    @Get("/{id}/suggested-partners")
    public List<VacancyViews.Partner> suggestedPartners(Caller caller, @PathVariable UUID id) {
        return transactions.read(caller, connection -> {
            OpportunityRow row = opportunities.find(id);
            Set<UUID> taking = new java.util.HashSet<>();
            collaboration.participants(id).forEach(p -> taking.add(p.authorityId()));
            Map<UUID, List<String>> reasons = new LinkedHashMap<>();
            Map<UUID, Integer> scores = new LinkedHashMap<>();
            Set<UUID> neighbours = neighboursOf(row.authorityId());
            addHosts(row.serviceArea(), neighbours, taking, scores, reasons);
            for (VacancyStore.Vacancy v : vacancies.open(row.serviceArea())) {
                if (neighbours.contains(v.authorityId()) && !taking.contains(v.authorityId())) {
                    scores.merge(v.authorityId(), 3, Integer::sum);
                    reasons.computeIfAbsent(v.authorityId(), a -> new ArrayList<>()).add(recruiting(v));
                }
            }
            for (VacancyStore.Interest interest : vacancies.interestIn(row.serviceArea())) {
                UUID other = interest.authorityId();
                if (neighbours.contains(other) && !taking.contains(other)) {
                    scores.merge(other, 2, Integer::sum);
                    reasons.computeIfAbsent(other, a -> new ArrayList<>())
                            .add("takes part in '" + interest.opportunityTitle() + "' in the same service area");
                }
            }
            return ranked(row.authorityId(), scores, reasons);
        });
    }

    private List<VacancyViews.Partner> partnersFor(VacancyStore.Vacancy vacancy) {
        Map<UUID, List<String>> reasons = new LinkedHashMap<>();
        Map<UUID, Integer> scores = new LinkedHashMap<>();
        Set<UUID> neighbours = neighboursOf(vacancy.authorityId());
        addHosts(vacancy.serviceArea(), neighbours, Set.of(vacancy.authorityId()), scores, reasons);
        for (VacancyStore.Vacancy other : vacancies.open(vacancy.serviceArea())) {
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
        for (VacancyStore.Hosting hosting : vacancies.hosting(serviceArea)) {
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

    private List<VacancyViews.Partner> ranked(UUID from, Map<UUID, Integer> scores, Map<UUID, List<String>> reasons) {
        List<UUID> fromRegions = memberships.regionsOf(from);
        return scores.entrySet().stream().map(e -> {
            List<String> shared = memberships.regionsOf(e.getKey()).stream().filter(fromRegions::contains)
                    .map(memberships::nameOf).sorted().toList();
            return new VacancyViews.Partner(e.getKey(), authorities.nameOf(e.getKey()), e.getValue(),
                    reasons.get(e.getKey()), shared);
        }).sorted(Comparator.comparingInt(VacancyViews.Partner::score).reversed()
                .thenComparing(VacancyViews.Partner::authorityName)).toList();
    }

    private String recruiting(VacancyStore.Vacancy v) {
        String area = ServiceArea.byCode(v.serviceArea()).map(ServiceArea::title).orElse(v.serviceArea());
        return "is also recruiting: " + v.title() + " (" + area + "), closing " + DAY.format(v.closingDate());
    }

    private VacancyStore.Vacancy find(UUID id) {
        return vacancies.find(id).orElseThrow(() -> ProblemException.notFound("vacancy-not-found", "No vacancy " + id + " for you."));
    }

    private VacancyViews.Vacancy view(VacancyStore.Vacancy v) {
        return new VacancyViews.Vacancy(v.id(), v.authorityId(), authorities.nameOf(v.authorityId()), v.title(),
                v.serviceArea(), v.grade(), v.closingDate(), v.status(), v.opportunityId(), v.postedAt());
    }
}
