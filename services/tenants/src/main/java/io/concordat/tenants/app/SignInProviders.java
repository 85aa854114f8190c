package io.concordat.tenants.app;

import io.concordat.events.EventTypes;
import io.concordat.events.tenants.v1.AuthorityUpdated;
import io.concordat.kit.outbox.EventPublisher;
import io.concordat.kit.problem.ProblemException;
import io.concordat.kit.tenancy.Caller;
import io.concordat.kit.tenancy.Roles;
import io.concordat.kit.tenancy.TenantTransactions;
import io.concordat.tenants.domain.IdentityProviderLink;
import io.concordat.tenants.provisioning.IdentityProviders;
import io.concordat.tenants.store.AuthorityRepository;
import io.concordat.tenants.store.AuthorityRow;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A council brings its own identity providers: its admins (or the platform) link them to its
 * organization, each for some of its email domains, list them and unlink them.
 */
@Singleton
public class SignInProviders {

    private final TenantTransactions transactions;
    private final AuthorityRepository authorities;
    private final IdentityProviders providers;
    private final EventPublisher events;

    public SignInProviders(TenantTransactions transactions, AuthorityRepository authorities, IdentityProviders providers,
                           EventPublisher events) {
        this.transactions = transactions;
        this.authorities = authorities;
        this.providers = providers;
        this.events = events;
    }

    /** The link as made, with the provider's alias in the realm. */
    public record Linked(String alias, IdentityProviderLink link) {
    }

    /**
     * Links the provider; domains that are not yet the council's become its own (in the directory
     * and in its organization). The caller's mistakes, a domain of another authority and a domain
     * another of the council's providers serves are refused before the identity provider is changed.
     */
    public Linked link(Caller caller, UUID authorityId, IdentityProviderLink link) {
        requireOwnAdminOrPlatform(caller, authorityId);
        return transactions.write(caller, connection -> {
            AuthorityRow authority = approved(authorityId);
            List<String> councilDomains = List.of(authority.emailDomains());
            List<String> newDomains = link.newDomains(councilDomains);
            if (!newDomains.isEmpty() && authorities.anyHasEmailDomainIn(String.join(",", newDomains))) {
                throw ProblemException.conflict("email-domain-taken", "One of " + newDomains + " is already the email "
                        + "domain of another authority; sign-in needs each domain for one authority.");
            }
            List<String> withNew = new ArrayList<>(councilDomains);
            withNew.addAll(newDomains);
            String organizationDomain = link.organizationDomain(withNew);
            List<String> served = providers.linked(authority.organizationId(), councilDomains).stream()
                    .flatMap(provider -> provider.emailDomains().stream()).toList();
            List<String> overlap = link.emailDomains().stream().filter(served::contains).toList();
            if (!overlap.isEmpty()) {
                throw ProblemException.conflict("domain-has-a-provider", "The council's people of " + overlap
                        + " already sign in through another of its providers; unlink it first.");
            }
            String alias = link.alias(authorityId);
            if (!newDomains.isEmpty()) {
                authorities.update(authorityId, authority.name(), withNew.toArray(String[]::new));
                events.publish(EventTypes.AUTHORITY_UPDATED, authorityId.toString(), authorityId, List.of(),
                        new AuthorityUpdated(authorityId, authority.name(), withNew, caller.subject(), Instant.now()));
            }
            // last, so that a refusal rolls the directory back; Keycloak undoes its own part
            providers.link(authority.organizationId(), alias, authority.name(), link, newDomains, organizationDomain);
            return new Linked(alias, link);
        });
    }

    /** The council's linked providers, with the domains each signs in. */
    public List<IdentityProviders.LinkedProvider> linked(Caller caller, UUID authorityId) {
        requireOwnAdminOrPlatform(caller, authorityId);
        AuthorityRow authority = transactions.read(caller, connection -> approved(authorityId));
        return providers.linked(authority.organizationId(), List.of(authority.emailDomains()));
    }

    /** Unlinks one of the council's providers; the people who came through it keep their accounts and roles. */
    public void unlink(Caller caller, UUID authorityId, String alias) {
        requireOwnAdminOrPlatform(caller, authorityId);
        AuthorityRow authority = transactions.read(caller, connection -> approved(authorityId));
        boolean linked = providers.linked(authority.organizationId(), List.of(authority.emailDomains())).stream()
                .anyMatch(provider -> provider.alias().equals(alias));
        if (!linked) {
            throw ProblemException.notFound("identity-provider-not-found", "The council has no identity provider " + alias + ".");
        }
        providers.unlink(authority.organizationId(), alias);
    }

    private static void requireOwnAdminOrPlatform(Caller caller, UUID authorityId) {
        boolean own = caller.authorityId().map(authorityId::equals).orElse(false) && caller.hasRole(Roles.AUTHORITY_ADMIN);
        if (!own && !caller.hasRole(Roles.PLATFORM_ADMIN)) {
            throw ProblemException.forbidden("not-your-authority", "Only the council's own admins or the platform manage "
                    + "its identity providers.");
        }
    }

    private AuthorityRow approved(UUID authorityId) {
        return ApprovedAuthority.require(authorities, authorityId, "has identity providers");
    }
}
