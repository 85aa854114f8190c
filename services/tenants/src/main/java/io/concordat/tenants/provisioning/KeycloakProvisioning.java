package io.concordat.tenants.provisioning;

import io.concordat.kit.tenancy.Caller;
import io.concordat.kit.tenancy.Roles;
import io.concordat.tenants.domain.FirstAdmin;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.OrganizationDomainRepresentation;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Provisions through the Keycloak admin client, as the realm's {@code concordat-tenants} service
 * account. Each step first looks for what an earlier, interrupted attempt may have created, so
 * an approval can simply be retried.
 */
@Singleton
public class KeycloakProvisioning implements SignInProvisioning {

    private static final String AUTHORITY_ATTRIBUTE = Caller.AUTHORITY_CLAIM;
    private static final List<String> FIRST_ADMIN_ROLES = List.of(Roles.AUTHORITY_ADMIN, Roles.AUTHORITY_OFFICER);

    private final Keycloak keycloak;
    private final String realmName;
    private final boolean revealInitialPassword;
    private final SecureRandom random = new SecureRandom();

    public KeycloakProvisioning(@Value("${concordat.keycloak.url}") String url,
                                @Value("${concordat.keycloak.realm:concordat}") String realm,
                                @Value("${concordat.keycloak.client-id}") String clientId,
                                @Value("${concordat.keycloak.client-secret}") String clientSecret,
                                @Value("${concordat.provisioning.reveal-initial-password:false}") boolean reveal) {
        this.keycloak = KeycloakBuilder.builder().serverUrl(url).realm(realm)
                .grantType(OAuth2Constants.CLIENT_CREDENTIALS).clientId(clientId).clientSecret(clientSecret).build();
        this.realmName = realm;
        this.revealInitialPassword = reveal;
    }

    @Override
    public Provisioned provision(UUID authorityId, String name, List<String> emailDomains, FirstAdmin admin) {
        return call("provision " + name, () -> {
            RealmResource realm = keycloak.realm(realmName);
            String organizationId = ensureOrganization(realm, authorityId, name, emailDomains);
            Optional<String> password = revealInitialPassword ? Optional.of(newPassword()) : Optional.empty();
            String userId = ensureUser(realm, authorityId, admin, password);
            realm.roles().list().stream().filter(r -> FIRST_ADMIN_ROLES.contains(r.getName())).toList()
                    .forEach(role -> realm.users().get(userId).roles().realmLevel().add(List.<RoleRepresentation>of(role)));
            if (realm.organizations().get(organizationId).members().search(admin.email(), true, 0, 1).isEmpty()) {
                expectCreated(realm.organizations().get(organizationId).members().addMember(userId), "membership");
            }
            if (!revealInitialPassword) {
                realm.users().get(userId).executeActionsEmail(List.of("UPDATE_PASSWORD", "VERIFY_EMAIL"));
            }
            return new Provisioned(organizationId, admin.email(), password);
        });
    }

    @Override
    public void setEnabled(String organizationId, boolean enabled) {
        call("switch sign-in for organization " + organizationId, () -> {
            var organization = keycloak.realm(realmName).organizations().get(organizationId);
            OrganizationRepresentation representation = organization.toRepresentation();
            representation.setEnabled(enabled);
            try (Response response = organization.update(representation)) {
                if (response.getStatus() >= 300) {
                    throw new WebApplicationException(response);
                }
            }
            return null;
        });
    }

    private String ensureOrganization(RealmResource realm, UUID authorityId, String name, List<String> domains) {
        List<OrganizationRepresentation> existing =
                realm.organizations().searchByAttribute(AUTHORITY_ATTRIBUTE + ":" + authorityId);
        if (!existing.isEmpty()) {
            return existing.get(0).getId();
        }
        OrganizationRepresentation organization = new OrganizationRepresentation();
        organization.setName(name);
        organization.setAlias(authorityId.toString());
        organization.setEnabled(true);
        organization.setAttributes(Map.of(AUTHORITY_ATTRIBUTE, List.of(authorityId.toString())));
        domains.forEach(domain -> {
            OrganizationDomainRepresentation d = new OrganizationDomainRepresentation();
            d.setName(domain);
            d.setVerified(false);
            organization.addDomain(d);
        });
        return expectCreated(realm.organizations().create(organization), "organization");
    }

    private String ensureUser(RealmResource realm, UUID authorityId, FirstAdmin admin, Optional<String> password) {
        List<UserRepresentation> existing = realm.users().search(admin.email(), true);
        if (!existing.isEmpty()) {
            UserRepresentation user = existing.get(0);
            if (!authorityId.toString().equals(user.firstAttribute(AUTHORITY_ATTRIBUTE))) {
                throw new ProvisioningException(admin.email() + " already signs in for another authority", null, false);
            }
            password.ifPresent(p -> realm.users().get(user.getId()).resetPassword(credential(p)));
            return user.getId();
        }
        UserRepresentation user = new UserRepresentation();
        user.setUsername(admin.email());
        user.setEmail(admin.email());
        user.setFirstName(admin.firstName());
        user.setLastName(admin.lastName());
        user.setEnabled(true);
        user.setEmailVerified(password.isPresent());
        user.singleAttribute(AUTHORITY_ATTRIBUTE, authorityId.toString());
        password.ifPresent(p -> user.setCredentials(List.of(credential(p))));
        return expectCreated(realm.users().create(user), "user");
    }

    private static CredentialRepresentation credential(String password) {
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType(CredentialRepresentation.PASSWORD);
        credential.setValue(password);
        credential.setTemporary(false);
        return credential;
    }

    private String newPassword() {
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String expectCreated(Response response, String what) {
        try (response) {
            if (response.getStatus() != 201) {
                throw new ProvisioningException("the identity provider refused to create the " + what + ": HTTP "
                        + response.getStatus() + " " + response.readEntity(String.class), null, false);
            }
            String location = response.getLocation().getPath();
            return location.substring(location.lastIndexOf('/') + 1);
        }
    }

    private static <T> T call(String what, Supplier<T> step) {
        try {
            return step.get();
        } catch (ProcessingException e) {
            throw new ProvisioningException("the identity provider did not answer while trying to " + what, e, true);
        } catch (WebApplicationException e) {
            throw new ProvisioningException("the identity provider refused to " + what + ": HTTP "
                    + e.getResponse().getStatus(), e, false);
        }
    }

    @PreDestroy
    void close() {
        keycloak.close();
    }
}
