package io.concordat.tenants.provisioning;

import io.concordat.tenants.domain.IdentityProviderLink;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.IdentityProviderMapperRepresentation;
import org.keycloak.representations.idm.IdentityProviderRepresentation;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Links a council's identity provider through the Keycloak admin client: Keycloak reads the
 * provider's metadata itself ({@code import-config}), so an address it cannot reach or a document
 * it cannot read is refused before anything is created.
 */
@Singleton
public class KeycloakIdentityProviders implements IdentityProviders {

    /** Keycloak's organization settings on a linked identity provider. */
    private static final String ORGANIZATION_DOMAIN = "kc.org.domain";
    private static final String REDIRECT_WHEN_EMAIL_MATCHES = "kc.org.broker.redirect.mode.email-matches";

    private final Keycloak keycloak;
    private final String realmName;

    public KeycloakIdentityProviders(Keycloak keycloak, @Value("${concordat.keycloak.realm:concordat}") String realm) {
        this.keycloak = keycloak;
        this.realmName = realm;
    }

    @Override
    public String link(String organizationId, UUID authorityId, String councilName, IdentityProviderLink link) {
        RealmResource realm = keycloak.realm(realmName);
        String alias = "authority-" + authorityId;
        String providerId = link.protocol() == IdentityProviderLink.Protocol.OIDC ? "oidc" : "saml";
        try {
            realm.identityProviders().get(alias).toRepresentation();
            throw new ProvisioningException(councilName + " has an identity provider linked already", null,
                    ProvisioningException.Failure.ALREADY_INVITED);
        } catch (NotFoundException none) {
            // the council has none yet
        } catch (ProcessingException e) {
            throw new ProvisioningException("the identity provider did not answer", e, true);
        } catch (WebApplicationException e) {
            throw new ProvisioningException("the identity provider refused to look up " + alias + ": HTTP "
                    + e.getResponse().getStatus(), e, false);
        }
        Map<String, String> config = new HashMap<>(metadata(realm, providerId, link));
        if (link.clientId() != null) {
            config.put("clientId", link.clientId());
            config.put("clientSecret", link.clientSecret());
            config.put("clientAuthMethod", "client_secret_post");
            config.put("defaultScope", "openid email profile");
        }
        config.put("syncMode", "IMPORT");
        config.put(ORGANIZATION_DOMAIN, link.emailDomain());
        config.put(REDIRECT_WHEN_EMAIL_MATCHES, "true");
        IdentityProviderRepresentation provider = new IdentityProviderRepresentation();
        provider.setAlias(alias);
        provider.setDisplayName(councilName);
        provider.setProviderId(providerId);
        provider.setEnabled(true);
        provider.setTrustEmail(true);
        provider.setFirstBrokerLoginFlowAlias("first broker login");
        provider.setConfig(config);
        try {
            created(realm.identityProviders().create(provider), "identity provider");
        } catch (ProcessingException e) {
            throw new ProvisioningException("the identity provider did not answer", e, true);
        } catch (WebApplicationException e) {
            throw new ProvisioningException("the identity provider refused to create " + alias + ": HTTP "
                    + e.getResponse().getStatus(), e, false);
        }
        try {
            IdentityProviderMapperRepresentation role = new IdentityProviderMapperRepresentation();
            role.setName("council default role");
            role.setIdentityProviderAlias(alias);
            // Keycloak's hard-coded role mapper; its id says oidc but it serves every kind of provider.
            role.setIdentityProviderMapper("oidc-hardcoded-role-idp-mapper");
            role.setConfig(Map.of("role", link.defaultRole().roleName(), "syncMode", "INHERIT"));
            created(realm.identityProviders().get(alias).addMapper(role), "default role mapper");
            try (Response linked = realm.organizations().get(organizationId).identityProviders().addIdentityProvider(alias)) {
                if (linked.getStatus() >= 300) {
                    throw new ProvisioningException("the identity provider refused to link " + alias + " to the organization: HTTP "
                            + linked.getStatus() + " " + linked.readEntity(String.class), null, false);
                }
            }
            // Linking may reset the organization settings; write them again on the linked provider.
            IdentityProviderRepresentation linkedProvider = realm.identityProviders().get(alias).toRepresentation();
            linkedProvider.getConfig().put(ORGANIZATION_DOMAIN, link.emailDomain());
            linkedProvider.getConfig().put(REDIRECT_WHEN_EMAIL_MATCHES, "true");
            realm.identityProviders().get(alias).update(linkedProvider);
            return alias;
        } catch (RuntimeException e) {
            try {
                realm.identityProviders().get(alias).remove();
            } catch (RuntimeException undo) {
                e.addSuppressed(undo);
            }
            if (e instanceof ProvisioningException) {
                throw e;
            }
            if (e instanceof ProcessingException) {
                throw new ProvisioningException("the identity provider did not answer", e, true);
            }
            throw new ProvisioningException("the identity provider refused to link " + alias + ": " + e.getMessage(), e, false);
        }
    }

    /** Keycloak fetches and reads the provider's metadata; what it cannot use is the caller's mistake. */
    private static Map<String, String> metadata(RealmResource realm, String providerId, IdentityProviderLink link) {
        try {
            Map<String, String> imported = realm.identityProviders().importFrom(Map.of("providerId", providerId,
                    "fromUrl", link.metadataUrl().toString()));
            if (imported == null || imported.isEmpty()) {
                throw new WebApplicationException(422);
            }
            return imported;
        } catch (WebApplicationException e) {
            throw new ProvisioningException("the metadata at " + link.metadataUrl() + " could not be fetched or read",
                    e, ProvisioningException.Failure.METADATA_UNUSABLE);
        } catch (ProcessingException e) {
            throw new ProvisioningException("the identity provider did not answer", e, true);
        }
    }

    private static void created(Response response, String what) {
        try (response) {
            if (response.getStatus() != 201) {
                throw new ProvisioningException("the identity provider refused to create the " + what + ": HTTP "
                        + response.getStatus() + " " + response.readEntity(String.class), null, false);
            }
        }
    }
}
