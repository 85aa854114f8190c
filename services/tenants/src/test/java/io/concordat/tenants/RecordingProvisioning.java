package io.concordat.tenants;

import io.concordat.tenants.domain.FirstAdmin;
import io.concordat.tenants.provisioning.KeycloakProvisioning;
import io.concordat.tenants.provisioning.ProvisioningException;
import io.concordat.tenants.provisioning.SignInProvisioning;
import io.micronaut.context.annotation.Replaces;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stands in for Keycloak in the tenants service's own tests (the end-to-end test provisions in
 * the real one). Records what it was asked and can play an identity provider that is down.
 */
@Singleton
@Replaces(KeycloakProvisioning.class)
class RecordingProvisioning implements SignInProvisioning {

    final Map<UUID, List<String>> provisionedDomains = new ConcurrentHashMap<>();
    final Map<String, Boolean> enabled = new ConcurrentHashMap<>();
    volatile boolean unreachable;

    @Override
    public Provisioned provision(UUID authorityId, String name, List<String> emailDomains, FirstAdmin firstAdmin) {
        if (unreachable) {
            throw new ProvisioningException("identity provider down (test)", null, true);
        }
        provisionedDomains.put(authorityId, emailDomains);
        String organization = "org-" + authorityId;
        enabled.put(organization, true);
        return new Provisioned(organization, firstAdmin.email(), Optional.of("initial-password"));
    }

    @Override
    public void setEnabled(String organizationId, boolean on) {
        if (unreachable) {
            throw new ProvisioningException("identity provider down (test)", null, true);
        }
        enabled.put(organizationId, on);
    }
}
