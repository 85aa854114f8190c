package io.concordat.tenants.app;

import io.concordat.events.EventTypes;
import io.concordat.events.tenants.v1.RoleGranted;
import io.concordat.events.tenants.v1.RoleRevoked;
import io.concordat.events.tenants.v1.StaffInvited;
import io.concordat.events.tenants.v1.StaffRemoved;
import io.concordat.kit.outbox.EventPublisher;
import io.concordat.kit.problem.ProblemException;
import io.concordat.kit.tenancy.Caller;
import io.concordat.kit.tenancy.Roles;
import io.concordat.kit.tenancy.TenantTransactions;
import io.concordat.tenants.domain.Invitation;
import io.concordat.tenants.domain.StaffRole;
import io.concordat.tenants.domain.StaffRole.Granter;
import io.concordat.tenants.provisioning.StaffDirectory;
import io.concordat.tenants.provisioning.StaffDirectory.Person;
import io.concordat.tenants.store.AuthorityRepository;
import io.concordat.tenants.store.AuthorityRow;
import io.concordat.tenants.store.RegionMemberRepository;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A council's people: its admins invite them, give and take the council's roles, and remove
 * leavers; region admins give the regional roles to staff of the region's members. Every change is
 * made in the identity provider and published in the same step.
 */
@Singleton
public class Staff {

    private final TenantTransactions transactions;
    private final AuthorityRepository authorities;
    private final RegionMemberRepository members;
    private final StaffDirectory directory;
    private final EventPublisher events;
    private final boolean adminSecondFactor;

    /**
     * @param adminSecondFactor whether authority and region admins must use a second factor (OTP);
     *                          on unless the deployment turns it off (the development stack does, so
     *                          that its scripted sign-ins need no authenticator)
     */
    public Staff(TenantTransactions transactions, AuthorityRepository authorities, RegionMemberRepository members,
                 StaffDirectory directory, EventPublisher events,
                 @Value("${concordat.identity.admin-second-factor:true}") boolean adminSecondFactor) {
        this.adminSecondFactor = adminSecondFactor;
        this.transactions = transactions;
        this.authorities = authorities;
        this.members = members;
        this.directory = directory;
        this.events = events;
    }

    public StaffDirectory.Invited invite(Caller caller, UUID authorityId, Invitation invitation) {
        requireCouncilAdmin(caller, authorityId);
        Set<Granter> granter = granter(caller, authorityId, null);
        invitation.roles().forEach(role -> role.requireGrantableBy(granter));
        return transactions.write(caller, connection -> {
            AuthorityRow authority = live(authorityId);
            StaffDirectory.Invited invited = directory.invite(authority.organizationId(), authorityId, invitation.email(),
                    invitation.firstName(), invitation.lastName(), invitation.roleNames(),
                    caller.hasRole(Roles.PLATFORM_ADMIN),
                    adminSecondFactor && invitation.roles().stream().anyMatch(StaffRole::asksSecondFactor));
            events.publish(EventTypes.STAFF_INVITED, authorityId.toString(), authorityId, List.of(),
                    new StaffInvited(authorityId, invited.person().userId(), invitation.email(), invitation.roleNames(),
                            caller.username(), Instant.now()));
            return invited;
        });
    }

    public List<Person> people(Caller caller, UUID authorityId) {
        requireCouncilAdmin(caller, authorityId);
        return transactions.read(caller, connection -> directory.people(live(authorityId).organizationId()));
    }

    /**
     * Gives a role; {@code regionId} names the region a region admin gives a regional role for.
     * Giving a role the person holds already changes nothing and publishes nothing.
     */
    public Person grant(Caller caller, UUID authorityId, String userId, String roleName, UUID regionId) {
        StaffRole role = StaffRole.named(roleName).requireGrantableBy(granter(caller, authorityId, regionId));
        return transactions.write(caller, connection -> {
            Person person = person(caller, authorityId, userId);
            if (person.roles().contains(role.roleName())) {
                return person;
            }
            directory.grant(userId, role.roleName(), adminSecondFactor && role.asksSecondFactor());
            events.publish(EventTypes.ROLE_GRANTED, authorityId.toString(), authorityId, regionIds(regionId),
                    new RoleGranted(authorityId, userId, role.roleName(), regionId, caller.username(), Instant.now()));
            return person(caller, authorityId, userId);
        });
    }

    public Person revoke(Caller caller, UUID authorityId, String userId, String roleName, UUID regionId) {
        StaffRole role = StaffRole.named(roleName).requireGrantableBy(granter(caller, authorityId, regionId));
        return transactions.write(caller, connection -> {
            Person person = person(caller, authorityId, userId);
            if (!person.roles().contains(role.roleName())) {
                return person;
            }
            directory.revoke(userId, role.roleName());
            events.publish(EventTypes.ROLE_REVOKED, authorityId.toString(), authorityId, regionIds(regionId),
                    new RoleRevoked(authorityId, userId, role.roleName(), regionId, caller.username(), Instant.now()));
            return person(caller, authorityId, userId);
        });
    }

    /** Takes a leaver out of the council and signs them out everywhere. */
    public void remove(Caller caller, UUID authorityId, String userId) {
        requireCouncilAdmin(caller, authorityId);
        if (caller.subject().equals(userId)) {
            throw ProblemException.conflict("cannot-remove-yourself", "An admin does not remove themselves; another admin "
                    + "of the council or the platform does.");
        }
        transactions.write(caller, connection -> {
            AuthorityRow authority = live(authorityId);
            Person person = member(authorityId, userId);
            List<String> held = person.roles().stream().filter(StaffRole.names()::contains).toList();
            directory.remove(authority.organizationId(), authorityId, userId, held);
            events.publish(EventTypes.STAFF_REMOVED, authorityId.toString(), authorityId, List.of(),
                    new StaffRemoved(authorityId, userId, person.email(), held, caller.username(), Instant.now()));
            return null;
        });
    }

    /**
     * The person, if they are one of the council's people. A shared person (a member of several
     * councils) holds the same roles for each, so only the platform changes their roles.
     */
    private Person person(Caller caller, UUID authorityId, String userId) {
        Person person = member(authorityId, userId);
        if (!caller.hasRole(Roles.PLATFORM_ADMIN) && directory.organizationsOf(userId) > 1) {
            throw ProblemException.forbidden("shared-person", "This person serves several councils and holds the same "
                    + "roles for each; only the platform changes them.");
        }
        return person;
    }

    /** Any council removes a person from itself, shared or not. */
    private Person member(UUID authorityId, String userId) {
        return directory.member(live(authorityId).organizationId(), userId)
                .orElseThrow(() -> ProblemException.notFound("person-not-found",
                        "No person " + userId + " among the council's people."));
    }

    /** What the caller is for the council's people (and, for a region admin, in the region named). */
    private Set<Granter> granter(Caller caller, UUID authorityId, UUID regionId) {
        Set<Granter> granter = EnumSet.noneOf(Granter.class);
        if (caller.hasRole(Roles.PLATFORM_ADMIN)) {
            granter.add(Granter.PLATFORM);
        }
        boolean own = caller.authorityId().map(authorityId::equals).orElse(false);
        if (own && caller.hasRole(Roles.AUTHORITY_ADMIN)) {
            granter.add(Granter.COUNCIL_ADMIN);
        }
        if (regionId != null && caller.hasRole(Roles.REGION_ADMIN) && caller.authorityId().isPresent()
                && transactions.read(caller, connection -> members.isCurrentMember(regionId, caller.authorityId().get())
                && members.isCurrentMember(regionId, authorityId))) {
            granter.add(Granter.REGION_ADMIN);
        }
        if (granter.isEmpty()) {
            throw ProblemException.forbidden("not-your-authority",
                    "Only the council's admins, a region admin of a region it belongs to, or the platform manage its people.");
        }
        return granter;
    }

    private static void requireCouncilAdmin(Caller caller, UUID authorityId) {
        boolean own = caller.authorityId().map(authorityId::equals).orElse(false) && caller.hasRole(Roles.AUTHORITY_ADMIN);
        if (!own && !caller.hasRole(Roles.PLATFORM_ADMIN)) {
            throw ProblemException.forbidden("not-your-authority", "Only the council's own admins or the platform do this.");
        }
    }

    private AuthorityRow live(UUID authorityId) {
        return ApprovedAuthority.require(authorities, authorityId, "has its people managed");
    }

    private static List<UUID> regionIds(UUID regionId) {
        return regionId == null ? List.of() : List.of(regionId);
    }
}
