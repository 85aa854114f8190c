package io.concordat.partnerevents;

import io.concordat.partnerevents.app.PartnerClients;
import io.concordat.partnerevents.identity.KeycloakPartnerClients;
import io.micronaut.context.annotation.Replaces;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stands in for Keycloak in the service's own tests (the end-to-end test registers partners in the
 * real one): records each client, its claim and whether it is enabled.
 */
@Singleton
@Replaces(KeycloakPartnerClients.class)
class RecordingPartnerClients implements PartnerClients {

    /** A client as the identity provider would hold it. */
    record Client(String clientId, UUID authorityId, UUID regionId, String secret, boolean enabled) {
    }

    final Map<String, Client> clients = new ConcurrentHashMap<>();

    @Override
    public Registered register(String clientId, String name, UUID authorityId, UUID regionId) {
        String uuid = UUID.randomUUID().toString();
        String secret = UUID.randomUUID().toString();
        clients.put(uuid, new Client(clientId, authorityId, regionId, secret, true));
        return new Registered(uuid, secret);
    }

    @Override
    public String rotateSecret(String clientUuid) {
        String secret = UUID.randomUUID().toString();
        clients.computeIfPresent(clientUuid, (k, c) -> new Client(c.clientId(), c.authorityId(), c.regionId(), secret, c.enabled()));
        return secret;
    }

    @Override
    public void disable(String clientUuid) {
        clients.computeIfPresent(clientUuid, (k, c) -> new Client(c.clientId(), c.authorityId(), c.regionId(), c.secret(), false));
    }
}
