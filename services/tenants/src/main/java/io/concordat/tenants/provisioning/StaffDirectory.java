package io.concordat.tenants.provisioning;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A council's people in the identity provider: the members of its organization and the roles they
 * hold. Roles are the person's realm roles, so a person who serves several councils holds the same
 * roles for each of them.
 */
public interface StaffDirectory {

    /**
     * Makes the person a member of the organization with the roles, creating their account when
     * they have none (they set their password when they follow the invitation; where the
     * deployment reveals passwords, a first password is returned instead). With {@code secondFactor}
     * they set up a one-time-password authenticator at their next sign-in, and are asked for it at each.
     *
     * @throws ProvisioningException {@code ALREADY_INVITED} when the person is already a member of
     *                               this organization, or of another one and {@code mayJoinSecond} is false
     */
    Invited invite(String organizationId, UUID authorityId, String email, String firstName, String lastName,
                   List<String> roles, boolean mayJoinSecond, boolean secondFactor);

    /** The organization's members with their roles, by email. */
    List<Person> people(String organizationId);

    /** The member of the organization with this id; empty for anyone else. */
    Optional<Person> member(String organizationId, String userId);

    /** How many organizations the person is a member of. */
    int organizationsOf(String userId);

    /** Gives the role; with {@code secondFactor}, as {@link #invite}. */
    void grant(String userId, String role, boolean secondFactor);

    void revoke(String userId, String role);

    /**
     * Takes the person out of the organization and ends every session they have. Unless they are a
     * member of another organization, they also lose the roles named and their account is disabled.
     */
    void remove(String organizationId, UUID authorityId, String userId, List<String> roles);

    record Person(String userId, String username, String email, String firstName, String lastName, boolean enabled,
                  List<String> roles) {
    }

    /** @param initialPassword only where the deployment reveals first passwords (development) */
    record Invited(Person person, Optional<String> initialPassword) {
    }
}
