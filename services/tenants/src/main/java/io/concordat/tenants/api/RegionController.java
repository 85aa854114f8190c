package io.concordat.tenants.api;

import io.concordat.events.EventEnvelope;
import io.concordat.events.EventTypes;
import io.concordat.events.tenants.v1.MembershipApproved;
import io.concordat.events.tenants.v1.MembershipDeclined;
import io.concordat.events.tenants.v1.MembershipEnded;
import io.concordat.events.tenants.v1.MembershipRequested;
import io.concordat.events.tenants.v1.RegionBoardDescribed;
import io.concordat.events.tenants.v1.RegionCreated;
import io.concordat.kit.outbox.EventPublisher;
import io.concordat.kit.problem.ProblemException;
import io.concordat.kit.tenancy.Caller;
import io.concordat.kit.tenancy.Roles;
import io.concordat.kit.tenancy.TenantTransactions;
import io.concordat.tenants.domain.AuthorityStatus;
import io.concordat.tenants.domain.Board;
import io.concordat.tenants.domain.InvalidRegistrationException;
import io.concordat.tenants.domain.LifecycleException;
import io.concordat.tenants.domain.MembershipPeriod;
import io.concordat.tenants.domain.MembershipRequestStatus;
import io.concordat.tenants.domain.Region;
import io.concordat.tenants.store.AuthorityRepository;
import io.concordat.tenants.store.AuthorityRow;
import io.concordat.tenants.store.MembershipRequestRepository;
import io.concordat.tenants.store.MembershipRequestRow;
import io.concordat.tenants.store.RegionMemberRepository;
import io.concordat.tenants.store.RegionMemberRow;
import io.concordat.tenants.store.RegionRepository;
import io.concordat.tenants.store.RegionRow;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
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
import java.time.ZoneId;
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
@Controller("/api/v1/tenants/regions")
@Secured(SecurityRule.IS_AUTHENTICATED)
public class RegionController {

    private static final ZoneId UK = ZoneId.of("Europe/London");

    private final TenantTransactions transactions;
    private final RegionRepository regions;
    private final RegionMemberRepository members;
    private final MembershipRequestRepository requests;
    private final AuthorityRepository authorities;
    private final EventPublisher events;
    /** Refuses joining a closed region. */
    @jakarta.inject.Inject
    io.concordat.tenants.app.RegionClosures closures;

    public RegionController(TenantTransactions transactions, RegionRepository regions, RegionMemberRepository members,
                            MembershipRequestRepository requests, AuthorityRepository authorities, EventPublisher events) {
        this.transactions = transactions;
        this.regions = regions;
        this.members = members;
        this.requests = requests;
        this.authorities = authorities;
        this.events = events;
    }

    @Post
    @Secured(Roles.PLATFORM_ADMIN)
    public HttpResponse<RegionView> create(Caller caller, @Valid @Body CreateRegionRequest request) {
        Region region;
        Board board;
        try {
            region = Region.create(request.name(), request.kind(), request.memberAuthorityIds(), caller.subject(),
                    Instant.now());
            board = request.board() == null ? null : Board.describe(request.board().membersPerAuthority(),
                    request.board().rule(), request.board().minimumFromEach());
        } catch (InvalidRegistrationException e) {
            throw ProblemException.badRequest(e.rule(), e.getMessage());
        }
        LocalDate joinedOn = dated(() -> MembershipPeriod.joining(request.membersJoinedOn(),
                LocalDate.ofInstant(region.createdAt(), UK), List.of()));
        RegionView view = transactions.write(caller, connection -> {
            List<UUID> notLive = region.memberIds().stream().filter(id -> authorities.findById(id)
                    .map(a -> !AuthorityStatus.valueOf(a.status()).isLive()).orElse(true)).toList();
            if (!notLive.isEmpty()) {
                throw ProblemException.unprocessable("unknown-authority", "No approved authority " + notLive + ".");
            }
            if (regions.existsByName(region.name())) {
                throw ProblemException.conflict("duplicate-region", "A region named '" + region.name() + "' exists.");
            }
            regions.save(new RegionRow(region.id(), region.name(), region.kind().name(), region.createdAt(),
                    region.createdBy(), board == null ? null : board.membersPerAuthority(),
                    board == null ? null : board.rule().name(), board == null ? null : board.minimumFromEach()));
            region.memberIds().forEach(id -> members.save(new RegionMemberRow(UUID.randomUUID(), region.id(), id, joinedOn,
                    null)));
            events.publish(EventTypes.REGION_CREATED, region.id().toString(), EventEnvelope.PLATFORM, List.of(region.id()),
                    new RegionCreated(region.id(), region.name(), region.kind().name(), List.copyOf(region.memberIds()),
                            region.createdAt(), request.membersJoinedOn() == null ? null : joinedOn));
            if (board != null) {
                publishBoard(region.id(), board);
            }
            return view(find(region.id()), MembershipPeriod::isCurrent);
        });
        return HttpResponse.created(view, URI.create("/api/v1/tenants/regions/" + region.id()));
    }

    /** Describes the region's board: a region admin of a member authority, or the platform. */
    @Put("/{id}/board")
    @Secured({Roles.REGION_ADMIN, Roles.PLATFORM_ADMIN})
    public RegionView describeBoard(Caller caller, @PathVariable UUID id, @Valid @Body BoardRequest request) {
        Board board;
        try {
            board = Board.describe(request.membersPerAuthority(), request.rule(), request.minimumFromEach());
        } catch (InvalidRegistrationException e) {
            throw ProblemException.badRequest(e.rule(), e.getMessage());
        }
        return transactions.write(caller, connection -> {
            find(id);
            requireRegionAdmin(caller, id);
            regions.update(id, board.membersPerAuthority(), board.rule().name(), board.minimumFromEach());
            publishBoard(id, board);
            return view(find(id), MembershipPeriod::isCurrent);
        });
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
    @Secured(Roles.AUTHORITY_ADMIN)
    public HttpResponse<MembershipRequestView> requestMembership(Caller caller, @PathVariable UUID id,
                                                                 @Nullable @Valid @Body JoiningRequest joining) {
        UUID authority = caller.requireAuthority();
        LocalDate asked = joining == null ? null : joining.joinedOn();
        MembershipRequestView view = transactions.write(caller, connection -> {
            closures.requireOpen(id);
            AuthorityRow own = authorities.findById(authority).orElseThrow(() -> ProblemException.forbidden(
                    "authority-not-registered", "Your authority is not registered."));
            if (!AuthorityStatus.valueOf(own.status()).isLive()) {
                throw ProblemException.conflict("authority-not-approved", "Your authority is not approved yet.");
            }
            if (members.isCurrentMember(id, authority)) {
                throw ProblemException.conflict("already-a-member", "Your authority is already a member of this region.");
            }
            if (requests.existsByRegionIdAndAuthorityIdAndStatus(id, authority, MembershipRequestStatus.PENDING.name())) {
                throw ProblemException.conflict("already-requested", "Your authority has already asked to join.");
            }
            dated(() -> MembershipPeriod.joining(asked, LocalDate.now(UK), history(id, authority)));
            MembershipRequestRow row = requests.save(new MembershipRequestRow(UUID.randomUUID(), id, authority,
                    MembershipRequestStatus.PENDING.name(), caller.subject(), Instant.now(), null, null, null, asked));
            events.publish(EventTypes.MEMBERSHIP_REQUESTED, id.toString(), authority, List.of(id),
                    new MembershipRequested(row.id(), id, authority, caller.subject(), row.requestedAt(), asked));
            return MembershipRequestView.of(row);
        });
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

    @Post("/{id}/membership-requests/{requestId}/approve")
    @Secured({Roles.REGION_ADMIN, Roles.PLATFORM_ADMIN})
    public MembershipRequestView approve(Caller caller, @PathVariable UUID id, @PathVariable UUID requestId,
                                         @Nullable @Valid @Body JoiningRequest joining) {
        return decide(caller, id, requestId, true, null, joining == null ? null : joining.joinedOn());
    }

    @Post("/{id}/membership-requests/{requestId}/decline")
    @Secured({Roles.REGION_ADMIN, Roles.PLATFORM_ADMIN})
    public MembershipRequestView decline(Caller caller, @PathVariable UUID id, @PathVariable UUID requestId,
                                         @Valid @Body SuspendRequest reason) {
        return decide(caller, id, requestId, false, reason.reason().strip(), null);
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
        return transactions.write(caller, connection -> {
            find(id);
            boolean ownAdmin = caller.hasRole(Roles.AUTHORITY_ADMIN) && caller.authorityId().map(authorityId::equals).orElse(false);
            if (!ownAdmin) {
                requireRegionAdmin(caller, id);
            }
            MembershipPeriod current = history(id, authorityId).stream().filter(MembershipPeriod::isCurrent).findFirst()
                    .orElseThrow(() -> ProblemException.conflict("not-a-member",
                            "Authority " + authorityId + " is not a member of the region."));
            LocalDate leftOn = dated(() -> current.leaving(leaving == null ? null : leaving.leftOn(), LocalDate.now(UK)));
            members.endMembership(id, authorityId, leftOn);
            events.publish(EventTypes.MEMBERSHIP_ENDED, id.toString(), authorityId, List.of(id),
                    new MembershipEnded(id, authorityId, leftOn, caller.subject(), Instant.now()));
            return view(find(id), null);
        });
    }

    private MembershipRequestView decide(Caller caller, UUID regionId, UUID requestId, boolean approve, String reason,
                                         LocalDate joinedOn) {
        return transactions.write(caller, connection -> {
            closures.requireOpen(regionId);
            requireRegionAdmin(caller, regionId);
            MembershipRequestRow request = requests.findByIdAndRegionId(requestId, regionId).orElseThrow(() ->
                    ProblemException.notFound("request-not-found", "No request " + requestId + " to join this region."));
            MembershipRequestStatus next;
            try {
                next = MembershipRequestStatus.valueOf(request.status()).decide(approve);
            } catch (LifecycleException e) {
                throw ProblemException.conflict(e.rule(), e.getMessage());
            }
            Instant now = Instant.now();
            requests.update(requestId, next.name(), caller.subject(), now, reason);
            if (approve) {
                LocalDate asked = joinedOn != null ? joinedOn : request.joinedOn();
                LocalDate day = dated(() -> MembershipPeriod.joining(asked, LocalDate.ofInstant(now, UK),
                        history(regionId, request.authorityId())));
                members.save(new RegionMemberRow(UUID.randomUUID(), regionId, request.authorityId(), day, null));
                events.publish(EventTypes.MEMBERSHIP_APPROVED, regionId.toString(), request.authorityId(), List.of(regionId),
                        new MembershipApproved(requestId, regionId, request.authorityId(), day, caller.subject(), now));
            } else {
                events.publish(EventTypes.MEMBERSHIP_DECLINED, regionId.toString(), request.authorityId(), List.of(regionId),
                        new MembershipDeclined(requestId, regionId, request.authorityId(), reason, caller.subject(), now));
            }
            return MembershipRequestView.of(requests.findById(requestId).orElseThrow());
        });
    }

    /** A platform admin, or a region admin whose authority is a member of the region today. */
    private void requireRegionAdmin(Caller caller, UUID regionId) {
        if (caller.hasRole(Roles.PLATFORM_ADMIN)) {
            return;
        }
        boolean adminOfMember = caller.hasRole(Roles.REGION_ADMIN)
                && caller.authorityId().map(a -> members.isCurrentMember(regionId, a)).orElse(false);
        if (!adminOfMember) {
            throw ProblemException.forbidden("not-region-admin",
                    "Only a region admin of a member authority, or the platform, may do this.");
        }
    }

    private void publishBoard(UUID regionId, Board board) {
        events.publish(EventTypes.REGION_BOARD_DESCRIBED, regionId.toString(), EventEnvelope.PLATFORM, List.of(regionId),
                new RegionBoardDescribed(regionId, board.membersPerAuthority(), board.rule().name(), board.minimumFromEach(),
                        Instant.now()));
    }

    private RegionRow find(UUID id) {
        return regions.findById(id).orElseThrow(() -> ProblemException.notFound("region-not-found", "No region " + id + "."));
    }

    private List<MembershipPeriod> history(UUID regionId, UUID authorityId) {
        return members.findByRegionIdAndAuthorityId(regionId, authorityId).stream()
                .map(m -> new MembershipPeriod(m.joinedOn(), m.leftOn())).toList();
    }

    /** A membership date that breaks a rule is the caller's mistake (400), or conflicts with the record (409). */
    private static LocalDate dated(java.util.function.Supplier<LocalDate> rule) {
        try {
            return rule.get();
        } catch (InvalidRegistrationException e) {
            throw ProblemException.badRequest(e.rule(), e.getMessage());
        } catch (LifecycleException e) {
            throw ProblemException.conflict(e.rule(), e.getMessage());
        }
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
