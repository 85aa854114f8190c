package io.concordat.tenants.app;

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
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * A region's life: created by the platform with its first members, its board described, joining
 * asked for by an authority and decided by the region, leaving recorded with its day. Each step
 * checks who may take it, asks the domain, stores the change and publishes the fact, in one
 * transaction as the caller.
 */
@Singleton
public class Regions {

    /** Membership days are the region's days, in the UK. */
    public static final ZoneId UK = ZoneId.of("Europe/London");

    private final TenantTransactions transactions;
    private final RegionRepository regions;
    private final RegionMemberRepository members;
    private final MembershipRequestRepository requests;
    private final AuthorityRepository authorities;
    private final EventPublisher events;
    private final RegionClosures closures;

    public Regions(TenantTransactions transactions, RegionRepository regions, RegionMemberRepository members,
                   MembershipRequestRepository requests, AuthorityRepository authorities, EventPublisher events,
                   RegionClosures closures) {
        this.transactions = transactions;
        this.regions = regions;
        this.members = members;
        this.requests = requests;
        this.authorities = authorities;
        this.events = events;
        this.closures = closures;
    }

    /**
     * Creates a region whose first members are approved authorities, from the day given (to record
     * a region as it was) or from the day it is created.
     */
    public void create(Caller caller, Region region, Board board, LocalDate membersJoinedOn) {
        LocalDate joinedOn = MembershipPeriod.joining(membersJoinedOn, LocalDate.ofInstant(region.createdAt(), UK), List.of());
        transactions.write(caller, connection -> {
            List<UUID> notLive = region.memberIds().stream().filter(id -> authorities.findById(id)
                    .map(a -> !AuthorityStatus.valueOf(a.status()).isLive()).orElse(true)).toList();
            if (!notLive.isEmpty()) {
                throw ProblemException.unprocessable("unknown-authority", "No approved authority " + notLive + ".");
            }
            if (regions.existsByName(region.name())) {
                throw new LifecycleException("duplicate-region", "A region named '" + region.name() + "' exists.", List.of());
            }
            regions.save(new RegionRow(region.id(), region.name(), region.kind().name(), region.createdAt(),
                    region.createdBy(), board == null ? null : board.membersPerAuthority(),
                    board == null ? null : board.rule().name(), board == null ? null : board.minimumFromEach()));
            region.memberIds().forEach(id -> members.save(new RegionMemberRow(UUID.randomUUID(), region.id(), id, joinedOn,
                    null)));
            events.publish(EventTypes.REGION_CREATED, region.id().toString(), EventEnvelope.PLATFORM, List.of(region.id()),
                    new RegionCreated(region.id(), region.name(), region.kind().name(), List.copyOf(region.memberIds()),
                            region.createdAt(), membersJoinedOn == null ? null : joinedOn));
            if (board != null) {
                publishBoard(region.id(), board);
            }
            return null;
        });
    }

    /** Describes the region's board: a region admin of a member authority, or the platform. */
    public void describeBoard(Caller caller, UUID id, Board board) {
        transactions.write(caller, connection -> {
            find(id);
            requireRegionAdmin(caller, id);
            regions.update(id, board.membersPerAuthority(), board.rule().name(), board.minimumFromEach());
            publishBoard(id, board);
            return null;
        });
    }

    /** The caller's authority asks to join, from today or (to record a membership as it was) from the day given. */
    public MembershipRequestRow requestMembership(Caller caller, UUID id, LocalDate asked) {
        UUID authority = caller.requireAuthority();
        return transactions.write(caller, connection -> {
            closures.requireOpen(id);
            AuthorityRow own = authorities.findById(authority).orElseThrow(() -> ProblemException.forbidden(
                    "authority-not-registered", "Your authority is not registered."));
            if (!AuthorityStatus.valueOf(own.status()).isLive()) {
                throw new LifecycleException("authority-not-approved", "Your authority is not approved yet.", List.of());
            }
            if (members.isCurrentMember(id, authority)) {
                throw new LifecycleException("already-a-member", "Your authority is already a member of this region.",
                        List.of());
            }
            if (requests.existsByRegionIdAndAuthorityIdAndStatus(id, authority, MembershipRequestStatus.PENDING.name())) {
                throw new LifecycleException("already-requested", "Your authority has already asked to join.", List.of());
            }
            MembershipPeriod.joining(asked, LocalDate.now(UK), history(id, authority));
            MembershipRequestRow row = requests.save(new MembershipRequestRow(UUID.randomUUID(), id, authority,
                    MembershipRequestStatus.PENDING.name(), caller.subject(), Instant.now(), null, null, null, asked));
            events.publish(EventTypes.MEMBERSHIP_REQUESTED, id.toString(), authority, List.of(id),
                    new MembershipRequested(row.id(), id, authority, caller.subject(), row.requestedAt(), asked));
            return row;
        });
    }

    /**
     * The region decides a request to join, once: approved, the authority is a member from the day
     * given, else the day it asked for, else today; declined, with a reason.
     */
    public MembershipRequestRow decide(Caller caller, UUID regionId, UUID requestId, boolean approve, String reason,
                                       LocalDate joinedOn) {
        return transactions.write(caller, connection -> {
            closures.requireOpen(regionId);
            requireRegionAdmin(caller, regionId);
            MembershipRequestRow request = requests.findByIdAndRegionId(requestId, regionId).orElseThrow(() ->
                    ProblemException.notFound("request-not-found", "No request " + requestId + " to join this region."));
            MembershipRequestStatus next = MembershipRequestStatus.valueOf(request.status()).decide(approve);
            Instant now = Instant.now();
            requests.update(requestId, next.name(), caller.subject(), now, reason);
            if (approve) {
                LocalDate asked = joinedOn != null ? joinedOn : request.joinedOn();
                LocalDate day = MembershipPeriod.joining(asked, LocalDate.ofInstant(now, UK),
                        history(regionId, request.authorityId()));
                members.save(new RegionMemberRow(UUID.randomUUID(), regionId, request.authorityId(), day, null));
                events.publish(EventTypes.MEMBERSHIP_APPROVED, regionId.toString(), request.authorityId(), List.of(regionId),
                        new MembershipApproved(requestId, regionId, request.authorityId(), day, caller.subject(), now));
            } else {
                events.publish(EventTypes.MEMBERSHIP_DECLINED, regionId.toString(), request.authorityId(), List.of(regionId),
                        new MembershipDeclined(requestId, regionId, request.authorityId(), reason, caller.subject(), now));
            }
            return requests.findById(requestId).orElseThrow();
        });
    }

    /**
     * Ends an authority's membership from today or the day given: its own admins, a region admin of
     * a member, or the platform. The membership stays on record with the day it ended.
     */
    public void leave(Caller caller, UUID id, UUID authorityId, LocalDate asked) {
        transactions.write(caller, connection -> {
            find(id);
            boolean ownAdmin = caller.hasRole(Roles.AUTHORITY_ADMIN) && caller.authorityId().map(authorityId::equals).orElse(false);
            if (!ownAdmin) {
                requireRegionAdmin(caller, id);
            }
            MembershipPeriod current = history(id, authorityId).stream().filter(MembershipPeriod::isCurrent).findFirst()
                    .orElseThrow(() -> new LifecycleException("not-a-member",
                            "Authority " + authorityId + " is not a member of the region.", List.of()));
            LocalDate leftOn = current.leaving(asked, LocalDate.now(UK));
            members.endMembership(id, authorityId, leftOn);
            events.publish(EventTypes.MEMBERSHIP_ENDED, id.toString(), authorityId, List.of(id),
                    new MembershipEnded(id, authorityId, leftOn, caller.subject(), Instant.now()));
            return null;
        });
    }

    /** A platform admin, or a region admin whose authority is a member of the region today. */
    public void requireRegionAdmin(Caller caller, UUID regionId) {
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
}
