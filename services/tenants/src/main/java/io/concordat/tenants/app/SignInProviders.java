package io.concordat.tenants.app;

import io.concordat.kit.problem.ProblemException;
import io.concordat.kit.tenancy.Caller;
import io.concordat.kit.tenancy.Roles;
import io.concordat.kit.tenancy.TenantTransactions;
import io.concordat.tenants.domain.AuthorityStatus;
import io.concordat.tenants.domain.IdentityProviderLink;
import io.concordat.tenants.provisioning.IdentityProviders;
import io.concordat.tenants.store.AuthorityRepository;
import io.concordat.tenants.store.AuthorityRow;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.UUID;

/** A council brings its own identity provider: its admins (or the platform) link it to its organization. */
@Singleton
public class SignInProviders {

    private final TenantTransactions transactions;
    private final AuthorityRepository authorities;
    private final IdentityProviders providers;

    public SignInProviders(TenantTransactions transactions, AuthorityRepository authorities, IdentityProviders providers) {
        this.transactions = transactions;
        this.authorities = authorities;
        this.providers = providers;
    }

    /** The link as asked; the caller's mistakes are refused before the identity provider is asked anything. */
    public record Linked(String alias, IdentityProviderLink link) {
    }

    public Linked link(Caller caller, UUID authorityId, String protocol, String metadataUrl, String clientId,
                       String clientSecret, String emailDomain, String defaultRole) {
        boolean own = caller.authorityId().map(authorityId::equals).orElse(false) && caller.hasRole(Roles.AUTHORITY_ADMIN);
        if (!own && !caller.hasRole(Roles.PLATFORM_ADMIN)) {
            throw ProblemException.forbidden("not-your-authority", "Only the council's own admins or the platform link "
                    + "its identity provider.");
        }
        return transactions.read(caller, connection -> {
            AuthorityRow authority = authorities.findById(authorityId).orElseThrow(() -> ProblemException.notFound(
                    "authority-not-found", "No authority " + authorityId + "."));
            if (AuthorityStatus.valueOf(authority.status()) != AuthorityStatus.APPROVED || authority.organizationId() == null) {
                throw ProblemException.conflict("authority-not-approved", "Only an approved authority links an identity provider.");
            }
            IdentityProviderLink link = IdentityProviderLink.of(protocol, metadataUrl, clientId, clientSecret, emailDomain,
                    defaultRole, List.of(authority.emailDomains()));
            return new Linked(providers.link(authority.organizationId(), authorityId, authority.name(), link), link);
        });
    }
}
