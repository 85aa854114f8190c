package io.concordat.tenants.api;

import io.concordat.kit.problem.Choices;
import io.concordat.kit.problem.ProblemException;
import io.concordat.kit.tenancy.Caller;
import io.concordat.kit.tenancy.Roles;
import io.concordat.kit.tenancy.TenantTransactions;
import io.concordat.tenants.app.Regions;
import io.concordat.tenants.domain.Board;
import io.concordat.tenants.domain.BoardRule;
import io.concordat.tenants.domain.MembershipPeriod;
import io.concordat.tenants.domain.Region;
import io.concordat.tenants.domain.RegionKind;
import io.concordat.tenants.store.AuthorityRepository;
import io.concordat.tenants.store.AuthorityRow;
import io.concordat.tenants.store.MembershipRequestRepository;
import io.concordat.tenants.store.RegionMemberRepository;
import io.concordat.tenants.store.RegionMemberRow;
import io.concordat.tenants.store.RegionRepository;
import io.concordat.tenants.store.RegionRow;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Status;
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

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Regions: groupings of authorities that collaborate. The directory of regions and their members
 * is open to every signed-in user; joining is asked for by an authority's admin and decided by a
 * region admin of a member authority (or the platform); leaving keeps the membership as history.
 */
@ProblemAnswers
@Controller("/api/v1/tenants/regions")
@Secured(SecurityRule.IS_AUTHENTICATED)
public class RegionController {

    private final TenantTransactions transactions;
    private final RegionRepository regions;
    private final RegionMemberRepository members;
    private final MembershipRequestRepository requests;
    private final AuthorityRepository authorities;
    private final Regions lifecycle;

    public RegionController(TenantTransactions transactions, RegionRepository regions, RegionMemberRepository members,
                            MembershipRequestRepository requests, AuthorityRepository authorities, Regions lifecycle) {
        this.transactions = transactions;
        this.regions = regions;
        this.members = members;
        this.requests = requests;
        this.authorities = authorities;
        this.lifecycle = lifecycle;
    }

    /** Creates a region with its first members and, if given, its board: the platform only. */
    @Post
    @Status(HttpStatus.CREATED)
    @Secured(Roles.PLATFORM_ADMIN)
    public HttpResponse<RegionView> create(Caller caller, @Valid @Body CreateRegionRequest request) {
        Region region = Region.create(request.name(), kind(request.kind()), request.memberAuthorityIds(), caller.subject(),
                Instant.now());
        Board board = request.board() == null ? null : Board.describe(request.board().membersPerAuthority(),
                boardRule(request.board().rule()), request.board().minimumFromEach());
        lifecycle.create(caller, region, board, request.membersJoinedOn());
        RegionView view = transactions.read(caller, connection -> view(find(region.id()), MembershipPeriod::isCurrent));
        return HttpResponse.created(view, URI.create("/api/v1/tenants/regions/" + region.id()));
    }

    /** Describes the region's board: a region admin of a member authority, or the platform. */
    @Put("/{id}/board")
    @Secured({Roles.REGION_ADMIN, Roles.PLATFORM_ADMIN})
    public RegionView describeBoard(Caller caller, @PathVariable UUID id, @Valid @Body BoardRequest request) {
        Board board = Board.describe(request.membersPerAuthority(), boardRule(request.rule()), request.minimumFromEach());
        lifecycle.describeBoard(caller, id, board);
        return transactions.read(caller, connection -> view(find(id), MembershipPeriod::isCurrent));
    }

    /**
     * A region with its current members; with {@code history=true} every membership period; with
     * {@code on} the members on that day.
     */
    @Get("/{id}")
    public RegionView get(Caller caller, @PathVariable UUID id, @QueryValue(defaultValue = "false") boolean history,
                          @QueryValue @Nullable LocalDate on) {
        if (history && on != null) {
            throw ProblemException.badRequest("history-or-day", "Ask for the whole history or for one day, not both.");
        }
        return transactions.read(caller, connection -> view(find(id), history ? null
                : (on == null ? period -> period.isCurrent() : period -> period.covers(on))));
    }

    /** Every region, or with {@code authorityId} those the authority is a member of today. */
    @Get
    public List<RegionView> list(Caller caller, @QueryValue @Nullable UUID authorityId) {
        return transactions.read(caller, connection -> {
            Set<UUID> of = authorityId == null ? null : members.findByAuthorityId(authorityId).stream()
                    .filter(m -> m.leftOn() == null).map(RegionMemberRow::regionId).collect(Collectors.toSet());
            return regions.findAll(Pageable.from(0, 1000, Sort.of(Sort.Order.asc("name")))).getContent().stream()
                    .filter(r -> of == null || of.contains(r.id())).map(r -> view(r, MembershipPeriod::isCurrent)).toList();
        });
    }

    /**
     * The caller's authority asks to join the region, from today or (to record a membership as it
     * was) from the day given.
     */
    @Post("/{id}/membership-requests")
    @Status(HttpStatus.CREATED)
    @Secured(Roles.AUTHORITY_ADMIN)
    public HttpResponse<MembershipRequestView> requestMembership(Caller caller, @PathVariable UUID id,
                                                                 @Nullable @Valid @Body JoiningRequest joining) {
        MembershipRequestView view = MembershipRequestView.of(lifecycle.requestMembership(caller, id,
                joining == null ? null : joining.joinedOn()));
        return HttpResponse.created(view, URI.create("/api/v1/tenants/regions/" + id + "/membership-requests/" + view.id()));
    }

    /** Requests to join: each authority sees its own; members of the region and the platform see all. */
    @Get("/{id}/membership-requests")
    public List<MembershipRequestView> membershipRequests(Caller caller, @PathVariable UUID id) {
        return transactions.read(caller, connection -> {
            find(id);
            return requests.findByRegionIdOrderByRequestedAtDesc(id).stream().map(MembershipRequestView::of).toList();
        });
    }

    /** Approves an authority's request to join the region: a region admin of a member authority, or the platform. */
    @Post("/{id}/membership-requests/{requestId}/approve")
    @Secured({Roles.REGION_ADMIN, Roles.PLATFORM_ADMIN})
    public MembershipRequestView approve(Caller caller, @PathVariable UUID id, @PathVariable UUID requestId,
                                         @Nullable @Valid @Body JoiningRequest joining) {
        return MembershipRequestView.of(lifecycle.decide(caller, id, requestId, true, null,
                joining == null ? null : joining.joinedOn()));
    }

    /** Declines an authority's request to join the region: a region admin of a member authority, or the platform. */
    @Post("/{id}/membership-requests/{requestId}/decline")
    @Secured({Roles.REGION_ADMIN, Roles.PLATFORM_ADMIN})
    public MembershipRequestView decline(Caller caller, @PathVariable UUID id, @PathVariable UUID requestId,
                                         @Valid @Body SuspendRequest reason) {
        return MembershipRequestView.of(lifecycle.decide(caller, id, requestId, false, reason.reason(), null));
    }

    /**
     * Ends an authority's membership from today, or from the day given (to record a departure as
     * it was): its own admins, a region admin of a member, or the platform. The membership stays
     * on record with the day it ended.
     */
    @Post("/{id}/members/{authorityId}/leave")
    @Secured({Roles.AUTHORITY_ADMIN, Roles.REGION_ADMIN, Roles.PLATFORM_ADMIN})
    public RegionView leave(Caller caller, @PathVariable UUID id, @PathVariable UUID authorityId,
                            @Nullable @Valid @Body LeavingRequest leaving) {
        lifecycle.leave(caller, id, authorityId, leaving == null ? null : leaving.leftOn());
        return transactions.read(caller, connection -> view(find(id), null));
    }

    private RegionRow find(UUID id) {
        return regions.findById(id).orElseThrow(() -> ProblemException.notFound("region-not-found", "No region " + id + "."));
    }

    static RegionKind kind(String kind) {
        return Choices.parse(RegionKind.class, kind, "region kind");
    }

    static BoardRule boardRule(String rule) {
        return Choices.parse(BoardRule.class, rule, "board rule");
    }

    /** The region with the membership periods {@code shown} keeps, or every period when it is null. */
    private RegionView view(RegionRow region, java.util.function.Predicate<MembershipPeriod> shown) {
        List<RegionMemberRow> rows = members.findByRegionId(region.id()).stream()
                .filter(m -> shown == null || shown.test(new MembershipPeriod(m.joinedOn(), m.leftOn()))).toList();
        Map<UUID, String> names = authorities.findByIdIn(rows.stream().map(RegionMemberRow::authorityId).distinct().toList())
                .stream().collect(Collectors.toMap(AuthorityRow::id, AuthorityRow::name, (a, b) -> a));
        RegionView.Board board = region.boardRule() == null ? null : new RegionView.Board(
                region.boardMembersPerAuthority(), region.boardRule(), region.boardMinimumFromEach());
        return new RegionView(region.id(), region.name(), region.kind(), region.createdAt(), board, rows.stream()
                .map(m -> new RegionView.Member(m.authorityId(), names.get(m.authorityId()), m.joinedOn(), m.leftOn()))
                .sorted(Comparator.comparing(RegionView.Member::name).thenComparing(RegionView.Member::joinedOn))
                .toList());
    }
}
