package io.concordat.tenants.app;

import io.concordat.events.EventTypes;
import io.concordat.events.tenants.v1.AuthorityApproved;
import io.concordat.events.tenants.v1.AuthorityRegistered;
import io.concordat.events.tenants.v1.AuthoritySuspended;
import io.concordat.events.tenants.v1.AuthorityUpdated;
import io.concordat.kit.outbox.EventPublisher;
import io.concordat.kit.problem.ProblemException;
import io.concordat.kit.tenancy.Caller;
import io.concordat.kit.tenancy.Roles;
import io.concordat.kit.tenancy.TenantTransactions;
import io.concordat.tenants.domain.Authority;
import io.concordat.tenants.domain.AuthorityKind;
import io.concordat.tenants.domain.AuthorityStatus;
import io.concordat.tenants.domain.FirstAdmin;
import io.concordat.tenants.provisioning.SignInProvisioning;
import io.concordat.tenants.store.AuthorityRepository;
import io.concordat.tenants.store.AuthorityRow;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * An authority's life as a tenant: registered, approved (its sign-in set up), suspended (its
 * staff's sign-in stopped) and approved again. What the caller got wrong is refused at
 * registration, before anything is written or provisioned.
 */
@Singleton
public class Authorities {

    private final TenantTransactions transactions;
    private final AuthorityRepository authorities;
    private final SignInProvisioning provisioning;
    private final EventPublisher events;

    public Authorities(TenantTransactions transactions, AuthorityRepository authorities,
                       SignInProvisioning provisioning, EventPublisher events) {
        this.transactions = transactions;
        this.authorities = authorities;
        this.provisioning = provisioning;
        this.events = events;
    }

    /** What an approval set up: the authority and its first admin's sign-in. */
    public record Approval(AuthorityRow authority, String firstAdminUsername, Optional<String> initialPassword) {
    }

    public AuthorityRow register(Caller caller, Authority authority, FirstAdmin admin) {
        authority.requireSignInDomain();
        if (provisioning.signsInAlready(admin.email())) {
            throw firstAdminTaken(admin);
        }
        return transactions.write(caller, connection -> {
            if (authority.gssCode() != null && authorities.existsByGssCode(authority.gssCode())) {
                throw ProblemException.conflict("duplicate-gss-code",
                        "An authority with GSS code " + authority.gssCode() + " is already registered.");
            }
            if (authorities.existsByFirstAdminEmail(admin.email())) {
                throw firstAdminTaken(admin);
            }
            if (authorities.anyHasEmailDomainIn(String.join(",", authority.emailDomains()))) {
                throw ProblemException.conflict("email-domain-taken", "One of " + authority.emailDomains()
                        + " is already the email domain of another authority; sign-in needs each domain for one authority.");
            }
            AuthorityRow saved = authorities.save(new AuthorityRow(authority.id(), authority.name(),
                    authority.kind().name(), authority.gssCode(), authority.emailDomains().toArray(String[]::new),
                    authority.registeredAt(), authority.registeredBy(), AuthorityStatus.PENDING.name(), admin.email(),
                    admin.firstName(), admin.lastName(), null, null, null, null, new String[0]));
            events.publish(EventTypes.AUTHORITY_REGISTERED, saved.id().toString(), saved.id(), List.of(),
                    new AuthorityRegistered(saved.id(), saved.name(), saved.kind(), saved.gssCode(),
                            authority.emailDomains(), saved.registeredAt()));
            return saved;
        });
    }

    /** Makes a pending (or suspended) authority a live tenant and sets up, or gives back, its sign-in. */
    public Approval approve(Caller caller, UUID id) {
        return transactions.write(caller, connection -> {
            AuthorityRow row = locked(id);
            AuthorityStatus next = AuthorityStatus.valueOf(row.status()).approve();
            SignInProvisioning.Provisioned provisioned;
            if (row.organizationId() == null) {
                provisioned = provisioning.provision(row.id(), row.name(), List.of(row.emailDomains()),
                        new FirstAdmin(row.firstAdminEmail(), row.firstAdminFirstName(), row.firstAdminLastName()));
            } else {
                provisioning.reinstate(row.organizationId(), List.of(row.suspendedUsers()));
                provisioned = new SignInProvisioning.Provisioned(row.organizationId(), row.firstAdminEmail(),
                        Optional.empty());
            }
            Instant now = Instant.now();
            authorities.update(id, next.name(), provisioned.organizationId(), now, null, null);
            authorities.update(id, new String[0]);
            events.publish(EventTypes.AUTHORITY_APPROVED, id.toString(), id, List.of(),
                    new AuthorityApproved(id, provisioned.organizationId(), caller.subject(), now));
            return new Approval(find(id), provisioned.firstAdminUsername(), provisioned.initialPassword());
        });
    }

    /**
     * Stops an authority's staff signing in (the identity provider refuses them and ends their
     * sessions) and, through AuthoritySuspended, every service refuses their tokens; keeps its data.
     */
    public AuthorityRow suspend(Caller caller, UUID id, String reason) {
        return transactions.write(caller, connection -> {
            AuthorityRow row = locked(id);
            AuthorityStatus next = AuthorityStatus.valueOf(row.status()).suspend();
            List<String> disabled = row.organizationId() == null ? List.of()
                    : provisioning.suspend(id, row.organizationId());
            try {
                Instant now = Instant.now();
                authorities.update(id, next.name(), row.organizationId(), row.approvedAt(), now, reason);
                authorities.update(id, disabled.toArray(String[]::new));
                events.publish(EventTypes.AUTHORITY_SUSPENDED, id.toString(), id, List.of(),
                        new AuthoritySuspended(id, reason, caller.subject(), now));
                return find(id);
            } catch (RuntimeException e) {
                if (row.organizationId() != null) {
                    provisioning.reinstate(row.organizationId(), disabled);
                }
                throw e;
            }
        });
    }

    /** Renames an authority or changes its email domains: its own admins or the platform. */
    public AuthorityRow update(Caller caller, UUID id, String name, List<String> emailDomains) {
        if (!caller.hasRole(Roles.PLATFORM_ADMIN) && !caller.authorityId().map(id::equals).orElse(false)) {
            throw ProblemException.forbidden("not-your-authority", "Only its own admins or the platform change an authority.");
        }
        return transactions.write(caller, connection -> {
            AuthorityRow row = find(id);
            Authority changed = Authority.register(name == null ? row.name() : name, AuthorityKind.valueOf(row.kind()),
                    row.gssCode(), emailDomains == null ? List.of(row.emailDomains()) : emailDomains,
                    row.registeredBy(), row.registeredAt());
            if (emailDomains != null) {
                changed.requireSignInDomain();
            }
            authorities.update(id, changed.name(), changed.emailDomains().toArray(String[]::new));
            events.publish(EventTypes.AUTHORITY_UPDATED, id.toString(), id, List.of(),
                    new AuthorityUpdated(id, changed.name(), changed.emailDomains(), caller.subject(), Instant.now()));
            return find(id);
        });
    }

    /** The authority, read after taking its row lock: a second approval or suspension waits, then sees this one's outcome. */
    private AuthorityRow locked(UUID id) {
        authorities.lockById(id);
        return find(id);
    }

    private AuthorityRow find(UUID id) {
        return authorities.findById(id).orElseThrow(() -> ProblemException.notFound("authority-not-found",
                "No authority " + id + "."));
    }

    private static ProblemException firstAdminTaken(FirstAdmin admin) {
        return ProblemException.conflict("first-admin-signs-in-elsewhere", admin.email()
                + " already signs in for another authority or the platform; each person signs in for one authority.");
    }
}
