package io.concordat.partnerevents.identity;

import io.concordat.kit.tenancy.Caller;
import io.concordat.kit.tenancy.Roles;
import io.concordat.partnerevents.app.PartnerClients;
import io.concordat.partnerevents.app.PartnerIdentity;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.ClientResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Registers partner systems through the Keycloak admin client, as the realm's
 * {@code concordat-partner-events} service account (realm-management roles to manage clients
 * and to give their service accounts a realm role). Each partner's tokens carry its authority
 * (or region) as a fixed claim, realm roles as {@code roles} and the API's audience, like the
 * realm's other clients.
 */
@Singleton
public class KeycloakPartnerClients implements PartnerClients {

    private final Keycloak keycloak;
    private final String realmName;
    private final String apiAudience;

    public KeycloakPartnerClients(@Value("${concordat.keycloak.url}") String url,
                                  @Value("${concordat.keycloak.realm:concordat}") String realm,
                                  @Value("${concordat.keycloak.client-id}") String clientId,
                                  @Value("${concordat.keycloak.client-secret}") String clientSecret,
                                  @Value("${concordat.oidc.audience:concordat-api}") String apiAudience) {
        this.keycloak = KeycloakBuilder.builder().serverUrl(url).realm(realm)
                .grantType(OAuth2Constants.CLIENT_CREDENTIALS).clientId(clientId).clientSecret(clientSecret).build();
        this.realmName = realm;
        this.apiAudience = apiAudience;
    }

    @Override
    public Registered register(String clientId, String name, UUID authorityId, UUID regionId) {
        return call("register partner " + clientId, () -> {
            RealmResource realm = keycloak.realm(realmName);
            ClientRepresentation client = new ClientRepresentation();
            client.setClientId(clientId);
            client.setName(name);
            client.setEnabled(true);
            client.setPublicClient(false);
            client.setServiceAccountsEnabled(true);
            client.setStandardFlowEnabled(false);
            client.setDirectAccessGrantsEnabled(false);
            client.setProtocol("openid-connect");
            client.setProtocolMappers(List.of(
                    authorityId != null ? claim("authority id", Caller.AUTHORITY_CLAIM, authorityId)
                            : claim("region id", PartnerIdentity.REGION_CLAIM, regionId),
                    realmRoles(), audience(apiAudience)));
            String uuid;
            try (Response created = realm.clients().create(client)) {
                if (created.getStatus() != 201) {
                    throw new WebApplicationException(created.getStatus());
                }
                String location = created.getLocation().getPath();
                uuid = location.substring(location.lastIndexOf('/') + 1);
            }
            ClientResource resource = realm.clients().get(uuid);
            try {
                String user = resource.getServiceAccountUser().getId();
                realm.users().get(user).roles().realmLevel()
                        .add(List.of(realm.roles().get(Roles.PARTNER_SYSTEM).toRepresentation()));
                return new Registered(uuid, resource.getSecret().getValue());
            } catch (RuntimeException e) {
                resource.remove();
                throw e;
            }
        });
    }

    @Override
    public String rotateSecret(String clientUuid) {
        return call("rotate a partner's secret", () ->
                keycloak.realm(realmName).clients().get(clientUuid).generateNewSecret().getValue());
    }

    @Override
    public void disable(String clientUuid) {
        call("disable a partner", () -> {
            ClientResource resource = keycloak.realm(realmName).clients().get(clientUuid);
            ClientRepresentation client = resource.toRepresentation();
            client.setEnabled(false);
            resource.update(client);
            return null;
        });
    }

    private static ProtocolMapperRepresentation claim(String name, String claim, UUID value) {
        ProtocolMapperRepresentation mapper = new ProtocolMapperRepresentation();
        mapper.setName(name);
        mapper.setProtocol("openid-connect");
        mapper.setProtocolMapper("oidc-hardcoded-claim-mapper");
        mapper.setConfig(Map.of("claim.name", claim, "claim.value", value.toString(), "jsonType.label", "String",
                "access.token.claim", "true", "id.token.claim", "false", "introspection.token.claim", "true"));
        return mapper;
    }

    /** The API's audience, without which every service refuses the partner's tokens. */
    private static ProtocolMapperRepresentation audience(String audience) {
        ProtocolMapperRepresentation mapper = new ProtocolMapperRepresentation();
        mapper.setName("concordat-api audience");
        mapper.setProtocol("openid-connect");
        mapper.setProtocolMapper("oidc-audience-mapper");
        mapper.setConfig(Map.of("included.custom.audience", audience, "access.token.claim", "true",
                "id.token.claim", "false", "introspection.token.claim", "true"));
        return mapper;
    }

    private static ProtocolMapperRepresentation realmRoles() {
        ProtocolMapperRepresentation mapper = new ProtocolMapperRepresentation();
        mapper.setName("realm roles");
        mapper.setProtocol("openid-connect");
        mapper.setProtocolMapper("oidc-usermodel-realm-role-mapper");
        mapper.setConfig(Map.of("claim.name", "roles", "multivalued", "true", "jsonType.label", "String",
                "access.token.claim", "true", "id.token.claim", "false", "introspection.token.claim", "true"));
        return mapper;
    }

    private static <T> T call(String what, Supplier<T> step) {
        try {
            return step.get();
        } catch (ProcessingException e) {
            throw new PartnerClientException("the identity provider did not answer while trying to " + what, e, true);
        } catch (WebApplicationException e) {
            throw new PartnerClientException("the identity provider refused to " + what + ": HTTP "
                    + e.getResponse().getStatus(), e, false);
        }
    }

    @PreDestroy
    void close() {
        keycloak.close();
    }
}
