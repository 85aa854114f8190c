package io.concordat.tenants;

import io.concordat.tenants.domain.IdentityProviderLink;
import io.concordat.tenants.provisioning.IdentityProviders;
import io.concordat.tenants.provisioning.KeycloakIdentityProviders;
import io.concordat.tenants.provisioning.ProvisioningException;
import io.micronaut.context.annotation.Replaces;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stands in for Keycloak's identity providers in the tenants service's own tests (the end-to-end
 * test links a real one): records each link by organization, and plays metadata that cannot be
 * fetched for any address on port 1.
 */
@Singleton
@Replaces(KeycloakIdentityProviders.class)
class RecordingIdentityProviders implements IdentityProviders {

    final Map<String, IdentityProviderLink> linked = new ConcurrentHashMap<>();

    @Override
    public String link(String organizationId, UUID authorityId, String councilName, IdentityProviderLink link) {
        if (link.metadataUrl().getPort() == 1) {
            throw new ProvisioningException("metadata unreachable (test)", null, ProvisioningException.Failure.METADATA_UNUSABLE);
        }
        if (linked.putIfAbsent(organizationId, link) != null) {
            throw new ProvisioningException("linked already (test)", null, ProvisioningException.Failure.ALREADY_INVITED);
        }
        return "authority-" + authorityId;
    }
}
