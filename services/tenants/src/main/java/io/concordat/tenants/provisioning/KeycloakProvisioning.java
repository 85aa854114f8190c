package io.concordat.tenants.provisioning;

import io.concordat.kit.tenancy.Caller;
import io.concordat.kit.tenancy.Roles;
import io.concordat.tenants.domain.FirstAdmin;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.OrganizationDomainRepresentation;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static io.concordat.tenants.provisioning.KeycloakCalls.call;
import static io.concordat.tenants.provisioning.KeycloakCalls.expectCreated;

/**
 * Provisions through the Keycloak admin client, as the realm's {@code concordat-tenants} service
 * account. Each step first looks for what an earlier, interrupted attempt may have created, so
 * an approval can simply be retried; a failed attempt removes what it created itself.
 *
 * <p>Suspension disables the staff's accounts and ends their sessions: a disabled organization
 * alone does not stop its members signing in with a password.
 */
@Singleton
public class KeycloakProvisioning implements SignInProvisioning {

    private static final Logger LOG = LoggerFactory.getLogger(KeycloakProvisioning.class);
    private static final String AUTHORITY_ATTRIBUTE = Caller.AUTHORITY_CLAIM;
    private static final List<String> FIRST_ADMIN_ROLES = List.of(Roles.AUTHORITY_ADMIN, Roles.AUTHORITY_OFFICER);

    private final Keycloak keycloak;
    private final String realmName;
    private final boolean revealInitialPassword;
    private final SecureRandom random = new SecureRandom();

    public KeycloakProvisioning(Keycloak keycloak, @Value("${concordat.keycloak.realm:concordat}") String realm,
                                @Value("${concordat.provisioning.reveal-initial-password:false}") boolean reveal) {
        this.keycloak = keycloak;
        this.realmName = realm;
        this.revealInitialPassword = reveal;
    }

    @Override
    public Provisioned provision(UUID authorityId, String name, List<String> emailDomains, FirstAdmin admin) {
        return call("provision " + name, () -> {
            RealmResource realm = keycloak.realm(realmName);
            Deque<Runnable> undo = new ArrayDeque<>();
            try {
                String organizationId = ensureOrganization(realm, authorityId, name, emailDomains, undo);
                Optional<String> password = revealInitialPassword ? Optional.of(newPassword()) : Optional.empty();
                String userId = ensureUser(realm, authorityId, admin, password, undo);
                realm.roles().list().stream().filter(r -> FIRST_ADMIN_ROLES.contains(r.getName())).toList()
                        .forEach(role -> realm.users().get(userId).roles().realmLevel().add(List.<RoleRepresentation>of(role)));
                if (realm.organizations().get(organizationId).members().search(admin.email(), true, 0, 1).isEmpty()) {
                    expectCreated(realm.organizations().get(organizationId).members().addMember(userId), "membership");
                }
                if (!revealInitialPassword) {
                    realm.users().get(userId).executeActionsEmail(List.of("UPDATE_PASSWORD", "VERIFY_EMAIL"));
                }
                return new Provisioned(organizationId, admin.email(), password);
            } catch (RuntimeException e) {
                undo(undo, e);
                throw e;
            }
        });
    }

    @Override
    public boolean signsInAlready(String email) {
        return call("look up an account by its email", () -> {
            RealmResource realm = keycloak.realm(realmName);
            return !realm.users().searchByEmail(email, true).isEmpty()
                    || !realm.users().searchByUsername(email, true).isEmpty();
        });
    }

    @Override
    public List<String> suspend(UUID authorityId, String organizationId) {
        return call("suspend sign-in for organization " + organizationId, () -> {
            RealmResource realm = keycloak.realm(realmName);
            switchOrganization(realm, organizationId, false);
            Set<String> staff = new LinkedHashSet<>();
            realm.organizations().get(organizationId).members().getAll().forEach(m -> staff.add(m.getId()));
            realm.users().searchByAttributes(0, 10_000, null, false, AUTHORITY_ATTRIBUTE + ":" + authorityId)
                    .forEach(u -> staff.add(u.getId()));
            List<String> disabled = new ArrayList<>();
            try {
                for (String id : staff) {
                    UserResource user = realm.users().get(id);
                    UserRepresentation representation = user.toRepresentation();
                    if (Boolean.TRUE.equals(representation.isEnabled())) {
                        representation.setEnabled(false);
                        user.update(representation);
                        disabled.add(id);
                    }
                    // Ends their sessions and refresh tokens; access tokens already issued are refused by
                    // every service from its own copy of the directory.
                    user.logout();
                }
            } catch (RuntimeException e) {
                Deque<Runnable> undo = new ArrayDeque<>();
                disabled.forEach(id -> undo.push(() -> enable(realm, id)));
                undo.addLast(() -> switchOrganization(realm, organizationId, true));
                undo(undo, e);
                throw e;
            }
            return disabled;
        });
    }

    @Override
    public void reinstate(String organizationId, List<String> suspendedUsers) {
        call("reinstate sign-in for organization " + organizationId, () -> {
            RealmResource realm = keycloak.realm(realmName);
            switchOrganization(realm, organizationId, true);
            for (String id : suspendedUsers) {
                try {
                    enable(realm, id);
                } catch (NotFoundException removed) {
                    LOG.info("user {} of organization {} was removed while it was suspended", id, organizationId);
                }
            }
            return null;
        });
    }

    private static void enable(RealmResource realm, String userId) {
        UserResource user = realm.users().get(userId);
        UserRepresentation representation = user.toRepresentation();
        representation.setEnabled(true);
        user.update(representation);
    }

    private static void switchOrganization(RealmResource realm, String organizationId, boolean enabled) {
        var organization = realm.organizations().get(organizationId);
        OrganizationRepresentation representation = organization.toRepresentation();
        representation.setEnabled(enabled);
        try (Response response = organization.update(representation)) {
            if (response.getStatus() >= 300) {
                throw new WebApplicationException(response);
            }
        }
    }

    /** Undoes, newest first, what a failed attempt did; a step that cannot be undone is logged. */
    private static void undo(Deque<Runnable> steps, RuntimeException failure) {
        while (!steps.isEmpty()) {
            try {
                steps.pop().run();
            } catch (RuntimeException e) {
                LOG.error("could not undo a provisioning step after: {}", failure.getMessage(), e);
                failure.addSuppressed(e);
            }
        }
    }

    private String ensureOrganization(RealmResource realm, UUID authorityId, String name, List<String> domains,
                                      Deque<Runnable> undo) {
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
        String id = expectCreated(realm.organizations().create(organization), "organization");
        undo.push(() -> realm.organizations().get(id).delete().close());
        return id;
    }

    private String ensureUser(RealmResource realm, UUID authorityId, FirstAdmin admin, Optional<String> password,
                              Deque<Runnable> undo) {
        List<UserRepresentation> existing = realm.users().search(admin.email(), true);
        if (!existing.isEmpty()) {
            UserRepresentation user = existing.get(0);
            if (!authorityId.toString().equals(user.firstAttribute(AUTHORITY_ATTRIBUTE))) {
                throw new ProvisioningException("the first admin's email already signs in for another authority or the platform",
                        null, ProvisioningException.Failure.ALREADY_SIGNS_IN);
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
        String id = expectCreated(realm.users().create(user), "user");
        undo.push(() -> realm.users().get(id).remove());
        return id;
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
}
