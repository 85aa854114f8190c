package io.concordat.tenants.provisioning;

import io.concordat.tenants.domain.FirstAdmin;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Sets an authority up in the identity provider, so that its staff can sign in, and stops them. */
public interface SignInProvisioning {

    /**
     * Creates (or finds, if a previous attempt got that far) the authority's organization with its
     * email domains, and its first admin as a member with the authority admin and officer roles.
     * When a step fails, what this attempt created is removed again.
     *
     * @throws ProvisioningException when the identity provider cannot be reached or refuses
     */
    Provisioned provision(UUID authorityId, String name, List<String> emailDomains, FirstAdmin firstAdmin);

    /**
     * Whether someone already signs in with this email address (as username or email), for
     * another authority or for the platform.
     *
     * @throws ProvisioningException when the identity provider cannot be reached
     */
    boolean signsInAlready(String email);

    /**
     * Stops the authority's staff signing in: disables its organization and every enabled user who
     * is a member of it or acts for the authority, and ends their sessions. If a step fails, the
     * users already disabled are enabled again.
     *
     * @return the users it disabled, which {@link #reinstate} enables again
     * @throws ProvisioningException when the identity provider cannot be reached or refuses
     */
    List<String> suspend(UUID authorityId, String organizationId);

    /** Lets the authority's staff sign in again: enables its organization and the users {@link #suspend} disabled. */
    void reinstate(String organizationId, List<String> suspendedUsers);

    /**
     * What was set up.
     *
     * @param initialPassword the first admin's password, only where the deployment reveals it
     *                        (development); elsewhere the admin is emailed to set one
     */
    record Provisioned(String organizationId, String firstAdminUsername, Optional<String> initialPassword) {
    }
}
