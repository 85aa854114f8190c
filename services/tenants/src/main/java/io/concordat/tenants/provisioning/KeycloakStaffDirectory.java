package io.concordat.tenants.provisioning;

import io.concordat.kit.tenancy.Caller;
import io.concordat.kit.tenancy.Roles;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.MemberRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static io.concordat.tenants.provisioning.KeycloakCalls.call;
import static io.concordat.tenants.provisioning.KeycloakCalls.expectCreated;

/**
 * The council's people through the Keycloak admin client, as the {@code concordat-tenants} service
 * account: an organization's members and their realm roles.
 */
@Singleton
public class KeycloakStaffDirectory implements StaffDirectory {

    /** The roles a person's list shows: those the platform knows, not Keycloak's own defaults. */
    private static final Set<String> PLATFORM_ROLES = Set.of(Roles.AUTHORITY_OFFICER, Roles.AUTHORITY_ADMIN,
            Roles.BOARD_MEMBER, Roles.REGIONAL_VIEWER, Roles.REGION_ADMIN, Roles.PLATFORM_ADMIN, Roles.PARTNER_SYSTEM);

    private static final String CONFIGURE_TOTP = "CONFIGURE_TOTP";
    private static final String OTP = "otp";

    private final Keycloak keycloak;
    private final String realmName;
    private final boolean revealInitialPassword;
    private final SecureRandom random = new SecureRandom();

    public KeycloakStaffDirectory(Keycloak keycloak, @Value("${concordat.keycloak.realm:concordat}") String realm,
                                  @Value("${concordat.provisioning.reveal-initial-password:false}") boolean reveal) {
        this.keycloak = keycloak;
        this.realmName = realm;
        this.revealInitialPassword = reveal;
    }

    @Override
    public Invited invite(String organizationId, UUID authorityId, String email, String firstName, String lastName,
                          List<String> roles, boolean mayJoinSecond, boolean secondFactor) {
        return call("invite a person", () -> {
            RealmResource realm = realm();
            Optional<UserRepresentation> existing = realm.users().searchByEmail(email, true).stream().findFirst()
                    .or(() -> realm.users().searchByUsername(email, true).stream().findFirst());
            Optional<String> password = Optional.empty();
            String userId;
            boolean created = false;
            if (existing.isPresent()) {
                userId = existing.get().getId();
                if (member(organizationId, userId).isPresent()) {
                    throw new ProvisioningException("the person invited is already one of the council's people",
                            null, ProvisioningException.Failure.ALREADY_INVITED);
                }
                if (!mayJoinSecond) {
                    throw new ProvisioningException(email + " already signs in for another council or the platform; "
                            + "only the platform adds a person to a second council", null,
                            ProvisioningException.Failure.ALREADY_INVITED);
                }
            } else {
                password = revealInitialPassword ? Optional.of(newPassword()) : Optional.empty();
                UserRepresentation user = new UserRepresentation();
                user.setUsername(email);
                user.setEmail(email);
                user.setFirstName(firstName);
                user.setLastName(lastName);
                user.setEnabled(true);
                user.setEmailVerified(password.isPresent());
                password.ifPresent(p -> user.setCredentials(List.of(credential(p))));
                userId = expectCreated(realm.users().create(user), "account");
                created = true;
            }
            try {
                addRoles(realm, userId, roles);
                if (secondFactor) {
                    askForSecondFactor(realm, userId);
                }
                try (Response response = realm.organizations().get(organizationId).members().addMember(userId)) {
                    if (response.getStatus() >= 300) {
                        throw new WebApplicationException(response.getStatus());
                    }
                }
                if (created && !revealInitialPassword) {
                    realm.users().get(userId).executeActionsEmail(List.of("UPDATE_PASSWORD", "VERIFY_EMAIL"));
                }
            } catch (RuntimeException e) {
                if (created) {
                    realm.users().get(userId).remove();
                }
                throw e;
            }
            return new Invited(person(realm, realm.users().get(userId).toRepresentation()), password);
        });
    }

    @Override
    public List<Person> people(String organizationId) {
        return call("list the people of organization " + organizationId, () -> {
            RealmResource realm = realm();
            return realm.organizations().get(organizationId).members().getAll().stream()
                    .map(member -> person(realm, member)).sorted(Comparator.comparing(Person::username)).toList();
        });
    }

    @Override
    public Optional<Person> member(String organizationId, String userId) {
        return call("find a member of organization " + organizationId, () -> {
            RealmResource realm = realm();
            try {
                MemberRepresentation member = realm.organizations().get(organizationId).members().member(userId)
                        .toRepresentation();
                return Optional.of(person(realm, member));
            } catch (NotFoundException notAMember) {
                return Optional.empty();
            }
        });
    }

    @Override
    public int organizationsOf(String userId) {
        return call("count the organizations of " + userId, () ->
                realm().organizations().members().getOrganizations(userId, true).size());
    }

    @Override
    public void grant(String userId, String role, boolean secondFactor) {
        call("grant " + role, () -> {
            addRoles(realm(), userId, List.of(role));
            if (secondFactor) {
                askForSecondFactor(realm(), userId);
            }
            return null;
        });
    }

    @Override
    public void revoke(String userId, String role) {
        call("revoke " + role, () -> {
            RealmResource realm = realm();
            realm.users().get(userId).roles().realmLevel().remove(List.of(realm.roles().get(role).toRepresentation()));
            return null;
        });
    }

    @Override
    public void remove(String organizationId, UUID authorityId, String userId, List<String> roles) {
        call("remove " + userId + " from organization " + organizationId, () -> {
            RealmResource realm = realm();
            try (Response response = realm.organizations().get(organizationId).members().member(userId).delete()) {
                if (response.getStatus() >= 300) {
                    throw new WebApplicationException(response.getStatus());
                }
            }
            UserResource user = realm.users().get(userId);
            if (realm.organizations().members().getOrganizations(userId, true).isEmpty()) {
                List<RoleRepresentation> held = roles.stream().map(r -> realm.roles().get(r).toRepresentation()).toList();
                if (!held.isEmpty()) {
                    user.roles().realmLevel().remove(held);
                }
                UserRepresentation representation = user.toRepresentation();
                representation.setEnabled(false);
                if (authorityId.toString().equals(representation.firstAttribute(Caller.AUTHORITY_CLAIM))) {
                    representation.getAttributes().remove(Caller.AUTHORITY_CLAIM);
                }
                user.update(representation);
            }
            user.logout();
            return null;
        });
    }

    private RealmResource realm() {
        return keycloak.realm(realmName);
    }

    /** Keycloak's required action: the person sets up an OTP authenticator, then every sign-in asks for a code. */
    private static void askForSecondFactor(RealmResource realm, String userId) {
        UserResource user = realm.users().get(userId);
        boolean hasOtp = user.credentials().stream().anyMatch(c -> OTP.equals(c.getType()));
        UserRepresentation representation = user.toRepresentation();
        List<String> actions = representation.getRequiredActions() == null ? new java.util.ArrayList<>()
                : new java.util.ArrayList<>(representation.getRequiredActions());
        if (!hasOtp && !actions.contains(CONFIGURE_TOTP)) {
            actions.add(CONFIGURE_TOTP);
            representation.setRequiredActions(actions);
            user.update(representation);
        }
    }

    private static void addRoles(RealmResource realm, String userId, List<String> roles) {
        List<RoleRepresentation> wanted = roles.stream().map(r -> realm.roles().get(r).toRepresentation()).toList();
        if (!wanted.isEmpty()) {
            realm.users().get(userId).roles().realmLevel().add(wanted);
        }
    }

    private static Person person(RealmResource realm, UserRepresentation user) {
        List<String> roles = realm.users().get(user.getId()).roles().realmLevel().listEffective().stream()
                .map(RoleRepresentation::getName).filter(PLATFORM_ROLES::contains).sorted().toList();
        return new Person(user.getId(), user.getUsername(), user.getEmail(), user.getFirstName(), user.getLastName(),
                Boolean.TRUE.equals(user.isEnabled()), roles);
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
