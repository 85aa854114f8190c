package io.concordat.tenants;

import io.concordat.tenants.domain.IdentityProviderLink;
import io.concordat.tenants.provisioning.IdentityProviders;
import io.concordat.tenants.provisioning.KeycloakIdentityProviders;
import io.concordat.tenants.provisioning.ProvisioningException;
import io.micronaut.context.annotation.Replaces;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stands in for Keycloak's identity providers in the tenants service's own tests (the end-to-end
 * test links a real one): records each link by alias with the organization's domains, and plays
 * metadata that cannot be fetched for any address on port 1.
 */
@Singleton
@Replaces(KeycloakIdentityProviders.class)
class RecordingIdentityProviders implements IdentityProviders {

    record Link(String organizationId, IdentityProviderLink link, String organizationDomain) {
    }

    final Map<String, Link> linked = new ConcurrentHashMap<>();
    /** Domains added to each organization through a link. */
    final Map<String, Set<String>> addedDomains = new ConcurrentHashMap<>();

    @Override
    public void link(String organizationId, String alias, String councilName, IdentityProviderLink link,
                     List<String> newDomains, String organizationDomain) {
        if (link.metadataUrl().getPort() == 1) {
            throw new ProvisioningException("metadata unreachable (test)", null, ProvisioningException.Failure.METADATA_UNUSABLE);
        }
        if (linked.putIfAbsent(alias, new Link(organizationId, link, organizationDomain)) != null) {
            throw new ProvisioningException("linked already (test)", null, ProvisioningException.Failure.ALREADY_LINKED);
        }
        addedDomains.computeIfAbsent(organizationId, id -> ConcurrentHashMap.newKeySet()).addAll(newDomains);
    }

    @Override
    public List<LinkedProvider> linked(String organizationId, List<String> councilDomains) {
        List<LinkedProvider> providers = new ArrayList<>();
        linked.forEach((alias, link) -> {
            if (link.organizationId().equals(organizationId)) {
                providers.add(new LinkedProvider(alias, link.link().protocol().name(),
                        IdentityProviderLink.EVERY_DOMAIN.equals(link.organizationDomain()) ? councilDomains
                                : List.of(link.organizationDomain()), link.link().defaultRole().roleName()));
            }
        });
        providers.sort(Comparator.comparing(LinkedProvider::alias));
        return providers;
    }

    @Override
    public void unlink(String organizationId, String alias) {
        linked.remove(alias);
    }

    List<Link> of(String organizationId) {
        return linked.values().stream().filter(link -> link.organizationId().equals(organizationId)).toList();
    }
}
