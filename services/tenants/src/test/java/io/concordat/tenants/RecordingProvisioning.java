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
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stands in for Keycloak in the tenants service's own tests (the end-to-end test provisions in
 * the real one). Records what it was asked and can play an identity provider that is down, or
 * one that refuses, or one where someone already signs in.
 */
@Singleton
@Replaces(KeycloakProvisioning.class)
class RecordingProvisioning implements SignInProvisioning {

    final Map<UUID, List<String>> provisionedDomains = new ConcurrentHashMap<>();
    final Map<String, Boolean> enabled = new ConcurrentHashMap<>();
    /** Sign-in accounts by id, enabled or not: each provisioned first admin is one. */
    final Map<String, Boolean> users = new ConcurrentHashMap<>();
    final Set<String> signingIn = ConcurrentHashMap.newKeySet();
    volatile boolean unreachable;
    volatile boolean refusing;

    @Override
    public Provisioned provision(UUID authorityId, String name, List<String> emailDomains, FirstAdmin firstAdmin) {
        if (unreachable) {
            throw new ProvisioningException("identity provider down (test)", null, true);
        }
        if (refusing) {
            throw new ProvisioningException("identity provider refused (test)", null, false);
        }
        provisionedDomains.put(authorityId, emailDomains);
        String organization = "org-" + authorityId;
        enabled.put(organization, true);
        users.put("user-" + authorityId, true);
        signingIn.add(firstAdmin.email());
        return new Provisioned(organization, firstAdmin.email(), Optional.of("initial-password"));
    }

    @Override
    public boolean signsInAlready(String email) {
        if (unreachable) {
            throw new ProvisioningException("identity provider down (test)", null, true);
        }
        return signingIn.contains(email);
    }

    @Override
    public List<String> suspend(UUID authorityId, String organizationId) {
        if (unreachable) {
            throw new ProvisioningException("identity provider down (test)", null, true);
        }
        enabled.put(organizationId, false);
        String user = "user-" + authorityId;
        if (users.replace(user, true, false)) {
            return List.of(user);
        }
        return List.of();
    }

    @Override
    public void reinstate(String organizationId, List<String> suspendedUsers) {
        if (unreachable) {
            throw new ProvisioningException("identity provider down (test)", null, true);
        }
        enabled.put(organizationId, true);
        suspendedUsers.forEach(user -> users.put(user, true));
    }

    /** Whether the authority's first admin can sign in. */
    boolean signsIn(String authorityId) {
        return enabled.getOrDefault("org-" + authorityId, false) && users.getOrDefault("user-" + authorityId, false);
    }
}
