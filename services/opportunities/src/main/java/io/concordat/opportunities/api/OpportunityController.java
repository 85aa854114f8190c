package io.concordat.opportunities.api;

import io.concordat.events.EventTypes;
import io.concordat.events.opportunities.v1.OpportunityProposed;
import io.concordat.kit.directory.AuthorityDirectory;
import io.concordat.kit.directory.RegionMemberships;
import io.concordat.kit.outbox.EventPublisher;
import io.concordat.kit.problem.Choices;
import io.concordat.kit.problem.ProblemException;
import io.concordat.kit.tenancy.Caller;
import io.concordat.kit.tenancy.Roles;
import io.concordat.kit.tenancy.TenantTransactions;
import io.concordat.opportunities.domain.CollaborationModel;
import io.concordat.opportunities.domain.Horizon;
import io.concordat.opportunities.domain.InvalidOpportunityException;
import io.concordat.opportunities.domain.Opportunity;
import io.concordat.opportunities.domain.Participant;
import io.concordat.opportunities.domain.ParticipantRole;
import io.concordat.opportunities.domain.ParticipantStatus;
import io.concordat.events.ServiceArea;
import io.concordat.opportunities.domain.Stage;
import io.concordat.opportunities.domain.Trigger;
import io.concordat.opportunities.store.CollaborationStore;
import io.concordat.opportunities.store.OpportunityRegionRepository;
import io.concordat.opportunities.store.OpportunityRegionRow;
import io.concordat.opportunities.store.OpportunityRepository;
import io.concordat.opportunities.store.OpportunityRow;
import io.concordat.opportunities.store.OpportunitySearch;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
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
import jakarta.validation.constraints.Size;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
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
    private final OpportunitySearch search;
    private final CollaborationStore collaboration;
    private final AuthorityDirectory authorities;
    private final RegionMemberships memberships;
    private final EventPublisher events;

    public OpportunityController(TenantTransactions transactions, OpportunityRepository opportunities,
                                 OpportunityRegionRepository sharing, OpportunitySearch search,
                                 CollaborationStore collaboration, AuthorityDirectory authorities,
                                 RegionMemberships memberships, EventPublisher events) {
        this.transactions = transactions;
        this.opportunities = opportunities;
        this.sharing = sharing;
        this.search = search;
        this.collaboration = collaboration;
        this.authorities = authorities;
        this.memberships = memberships;
        this.events = events;
    }

    /** Proposes an opportunity for the caller's authority; the row and its event commit together. */
    @Post
    @Secured({Roles.AUTHORITY_OFFICER, Roles.AUTHORITY_ADMIN})
    public HttpResponse<OpportunityView> propose(Caller caller, @Valid @Body ProposeOpportunityRequest request) {
        UUID authorityId = caller.requireAuthority();
        CollaborationModel model = Choices.parseOrNull(CollaborationModel.class, request.model(), "collaboration model");
        Trigger trigger = Choices.parseOrNull(Trigger.class, request.trigger(), "trigger");
        Horizon horizon = Choices.parseOrNull(Horizon.class, request.horizon(), "horizon");
        ParticipantRole proposerRole = request.proposerRole() == null ? ParticipantRole.PROPOSER
                : Choices.parse(ParticipantRole.class, request.proposerRole(), "participant role");
        if (proposerRole == ParticipantRole.INTERESTED) {
            throw ProblemException.badRequest("invalid-proposer-role", "The proposer is the PROPOSER, a PROSPECTIVE_HOST "
                    + "or a PROSPECTIVE_RECIPIENT.");
        }
        if (request.targetDecisionOn() != null && request.targetStartOn() != null
                && request.targetStartOn().isBefore(request.targetDecisionOn())) {
            throw ProblemException.badRequest("start-before-decision", "The target start cannot come before the target decision.");
        }
        Opportunity opportunity;
        try {
            opportunity = Opportunity.propose(authorityId, request.title(), request.serviceArea(), request.description(),
                    model, trigger, horizon, caller.subject(), Instant.now());
        } catch (InvalidOpportunityException e) {
            throw ProblemException.badRequest(e.rule(), e.getMessage());
        }
        List<UUID> regions = request.regionIds() == null ? List.of() : request.regionIds().stream().distinct().toList();
        OpportunityView saved = transactions.write(caller, connection -> {
            OpportunityRow row = create(authorityId, opportunity, regions, request, proposerRole);
            return OpportunityView.of(row, regions);
        });
        return HttpResponse.created(saved, URI.create("/api/v1/opportunities/" + saved.id()));
    }

    /**
     * Writes a new opportunity, its regions and its proposer as first participant, with its
     * event. Runs in the caller's transaction; used by vacancies too.
     */
    OpportunityRow create(UUID authorityId, Opportunity opportunity, List<UUID> regions, ProposeOpportunityRequest request,
                          ParticipantRole proposerRole) {
        if (!authorities.isRegistered(authorityId)) {
            throw ProblemException.conflict("authority-not-registered",
                    "Your authority's registration has not reached this service; it cannot propose yet.");
        }
        List<UUID> notMember = regions.stream().filter(r -> !memberships.isMember(authorityId, r)).toList();
        if (!notMember.isEmpty()) {
            throw ProblemException.unprocessable("not-a-member-of-region",
                    "Your authority can share only with regions it belongs to; it is not a member of " + notMember + ".");
        }
        OpportunityRow row = opportunities.save(new OpportunityRow(opportunity.id(), authorityId, opportunity.title(),
                opportunity.serviceArea().code(), opportunity.description(), opportunity.stage().name(),
                opportunity.proposedBy(), opportunity.proposedAt(), name(opportunity.model()), name(opportunity.trigger()),
                opportunity.horizon().name(), request == null ? null : request.targetDecisionOn(),
                request == null ? null : request.targetStartOn(), false, null));
        regions.forEach(region -> sharing.save(new OpportunityRegionRow(new OpportunityRegionRow.Key(row.id(), region),
                authorityId)));
        collaboration.join(row.id(), new Participant(authorityId, proposerRole, ParticipantStatus.COMMITTED, true),
                row.proposedAt());
        events.publish(EventTypes.OPPORTUNITY_PROPOSED, row.id().toString(), authorityId, regions,
                new OpportunityProposed(row.id(), authorityId, row.title(), row.serviceArea(), row.description(),
                        regions, row.proposedBy(), row.proposedAt(), row.model(), row.horizon()));
        return row;
    }

    @Get("/{id}")
    public OpportunityDetailView get(Caller caller, @PathVariable UUID id) {
        return transactions.read(caller, connection -> detail(find(id)));
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
            return Page.of(views(result.rows()), Pageable.from(page, size), result.total());
        });
    }

    OpportunityRow find(UUID id) {
        return opportunities.findById(id)
                .orElseThrow(() -> ProblemException.notFound("opportunity-not-found", "No opportunity " + id + " for you."));
    }

    OpportunityDetailView detail(OpportunityRow row) {
        OpportunityView view = views(List.of(row)).get(0);
        Horizon horizon = Horizon.valueOf(row.horizon());
        List<OpportunityDetailView.ParticipantView> participants = collaboration.participants(row.id()).stream()
                .map(p -> new OpportunityDetailView.ParticipantView(p.authorityId(), authorities.nameOf(p.authorityId()),
                        p.role().name(), p.status().name(), p.accepted())).toList();
        List<OpportunityDetailView.StageChangeView> history = collaboration.stageHistory(row.id()).stream()
                .map(c -> new OpportunityDetailView.StageChangeView(c.from(), c.to(), c.by(), c.at(), c.note())).toList();
        OpportunityDetailView.RecommendationView recommendation = collaboration.recommendation(row.id())
                .map(r -> new OpportunityDetailView.RecommendationView(r.regionId(), r.recommendation().recommended(),
                        r.recommendation().rule().name(), r.recommendation().inFavour(), r.recommendation().against(),
                        r.recommendation().reason(), r.recordedAt())).orElse(null);
        Map<UUID, String> decisions = new LinkedHashMap<>();
        collaboration.decisions(row.id()).forEach((authority, outcome) -> decisions.put(authority, outcome.name()));
        return new OpportunityDetailView(view, Stage.valueOf(row.stage()).next(horizon).stream().map(Enum::name).toList(),
                participants, history, collaboration.latestBusinessCase(row.id()).map(Map.Entry::getKey).orElse(null),
                row.boardRegionId(), recommendation, decisions, row.approvedPublished());
    }

    /** Views of the rows with the regions each is shared with, as far as the reader may see them. */
    List<OpportunityView> views(List<OpportunityRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<UUID>> regions = sharing.findByKeyOpportunityIdIn(rows.stream().map(OpportunityRow::id).toList())
                .stream().collect(Collectors.groupingBy(r -> r.key().opportunityId(),
                        Collectors.mapping(r -> r.key().regionId(), Collectors.toList())));
        return rows.stream().map(row -> OpportunityView.of(row, regions.getOrDefault(row.id(), List.of()))).toList();
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
