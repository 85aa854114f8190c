package io.concordat.tenants.provisioning;

import io.concordat.tenants.domain.IdentityProviderLink;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.OrganizationResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.IdentityProviderMapperRepresentation;
import org.keycloak.representations.idm.IdentityProviderRepresentation;
import org.keycloak.representations.idm.OrganizationDomainRepresentation;
import org.keycloak.representations.idm.OrganizationRepresentation;

import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Links a council's identity providers through the Keycloak admin client: Keycloak reads the
 * provider's metadata itself ({@code import-config}), so an address it cannot reach or a document
 * it cannot read is refused before anything is created.
 */
@Singleton
public class KeycloakIdentityProviders implements IdentityProviders {

    /** Keycloak's organization settings on a linked identity provider. */
    private static final String ORGANIZATION_DOMAIN = "kc.org.domain";
    private static final String REDIRECT_WHEN_EMAIL_MATCHES = "kc.org.broker.redirect.mode.email-matches";
    private static final String DEFAULT_ROLE_MAPPER = "council default role";

    private final Keycloak keycloak;
    private final String realmName;

    public KeycloakIdentityProviders(Keycloak keycloak, @Value("${concordat.keycloak.realm:concordat}") String realm) {
        this.keycloak = keycloak;
        this.realmName = realm;
    }

    @Override
    public void link(String organizationId, String alias, String councilName, IdentityProviderLink link,
                     List<String> newDomains, String organizationDomain) {
        RealmResource realm = keycloak.realm(realmName);
        String providerId = link.protocol() == IdentityProviderLink.Protocol.OIDC ? "oidc" : "saml";
        try {
            realm.identityProviders().get(alias).toRepresentation();
            throw new ProvisioningException(councilName + " has an identity provider " + alias + " linked already", null,
                    ProvisioningException.Failure.ALREADY_LINKED);
        } catch (NotFoundException none) {
            // not taken yet
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
        config.put(ORGANIZATION_DOMAIN, organizationDomain);
        config.put(REDIRECT_WHEN_EMAIL_MATCHES, "true");
        IdentityProviderRepresentation provider = new IdentityProviderRepresentation();
        provider.setAlias(alias);
        provider.setDisplayName(councilName);
        provider.setProviderId(providerId);
        provider.setEnabled(true);
        provider.setTrustEmail(true);
        provider.setFirstBrokerLoginFlowAlias("first broker login");
        provider.setConfig(config);
        OrganizationResource organization = realm.organizations().get(organizationId);
        OrganizationRepresentation before = KeycloakCalls.call("read the organization", organization::toRepresentation);
        if (!newDomains.isEmpty()) {
            OrganizationRepresentation more = KeycloakCalls.call("read the organization", organization::toRepresentation);
            newDomains.forEach(domain -> more.addDomain(new OrganizationDomainRepresentation(domain)));
            updated(KeycloakCalls.call("add the domains", () -> organization.update(more)), "the organization's domains");
        }
        boolean created = false;
        try {
            created(realm.identityProviders().create(provider), "identity provider");
            created = true;
            IdentityProviderMapperRepresentation role = new IdentityProviderMapperRepresentation();
            role.setName(DEFAULT_ROLE_MAPPER);
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
            linkedProvider.getConfig().put(ORGANIZATION_DOMAIN, organizationDomain);
            linkedProvider.getConfig().put(REDIRECT_WHEN_EMAIL_MATCHES, "true");
            realm.identityProviders().get(alias).update(linkedProvider);
        } catch (RuntimeException e) {
            undo(realm, organizationId, alias, created, newDomains.isEmpty() ? null : before, e);
            if (e instanceof ProvisioningException) {
                throw e;
            }
            if (e instanceof ProcessingException) {
                throw new ProvisioningException("the identity provider did not answer", e, true);
            }
            throw new ProvisioningException("the identity provider refused to link " + alias + ": " + e.getMessage(), e, false);
        }
    }

    @Override
    public List<LinkedProvider> linked(String organizationId, List<String> councilDomains) {
        RealmResource realm = keycloak.realm(realmName);
        return KeycloakCalls.call("list the organization's identity providers",
                        () -> realm.organizations().get(organizationId).identityProviders().getIdentityProviders()).stream()
                .map(provider -> {
                    String domain = provider.getConfig() == null ? null : provider.getConfig().get(ORGANIZATION_DOMAIN);
                    List<String> domains = domain == null ? List.of()
                            : IdentityProviderLink.EVERY_DOMAIN.equals(domain) ? councilDomains : List.of(domain);
                    String role = KeycloakCalls.call("list the provider's mappers",
                                    () -> realm.identityProviders().get(provider.getAlias()).getMappers()).stream()
                            .filter(mapper -> DEFAULT_ROLE_MAPPER.equals(mapper.getName()))
                            .map(mapper -> mapper.getConfig().get("role")).findFirst().orElse(null);
                    return new LinkedProvider(provider.getAlias(), provider.getProviderId().toUpperCase(Locale.ROOT),
                            domains, role);
                })
                .sorted(Comparator.comparing(LinkedProvider::alias)).toList();
    }

    @Override
    public void unlink(String organizationId, String alias) {
        RealmResource realm = keycloak.realm(realmName);
        try (Response unlinked = KeycloakCalls.call("unlink " + alias,
                () -> realm.organizations().get(organizationId).identityProviders().get(alias).delete())) {
            if (unlinked.getStatus() >= 300 && unlinked.getStatus() != 404) {
                throw new ProvisioningException("the identity provider refused to unlink " + alias + ": HTTP "
                        + unlinked.getStatus(), null, false);
            }
        }
        KeycloakCalls.call("remove " + alias, () -> {
            realm.identityProviders().get(alias).remove();
            return null;
        });
    }

    /** Removes what this attempt made: the provider, and the domains it added to the organization. */
    private static void undo(RealmResource realm, String organizationId, String alias, boolean created,
                             OrganizationRepresentation before, RuntimeException failure) {
        try {
            if (created) {
                realm.identityProviders().get(alias).remove();
            }
            if (before != null) {
                OrganizationRepresentation now = realm.organizations().get(organizationId).toRepresentation();
                Set<String> had = new HashSet<>();
                before.getDomains().forEach(d -> had.add(d.getName()));
                now.getDomains().removeIf(d -> !had.contains(d.getName()));
                realm.organizations().get(organizationId).update(now).close();
            }
        } catch (RuntimeException undo) {
            failure.addSuppressed(undo);
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

    private static void updated(Response response, String what) {
        try (response) {
            if (response.getStatus() >= 300) {
                throw new ProvisioningException("the identity provider refused to change " + what + ": HTTP "
                        + response.getStatus() + " " + response.readEntity(String.class), null, false);
            }
        }
    }
}
