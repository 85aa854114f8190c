package io.concordat.tenants.provisioning;

import io.concordat.tenants.domain.FirstAdmin;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Sets an authority up in the identity provider, so that its staff can sign in. */
public interface SignInProvisioning {

    /**
     * Creates (or finds, if a previous attempt got that far) the authority's organization with its
     * email domains, and its first admin as a member with the authority admin and officer roles.
     *
     * @throws ProvisioningException when the identity provider cannot be reached or refuses
     */
    Provisioned provision(UUID authorityId, String name, List<String> emailDomains, FirstAdmin firstAdmin);

    /** Turns the organization's sign-in off or on again. */
    void setEnabled(String organizationId, boolean enabled);

    /**
     * What was set up.
     *
     * @param initialPassword the first admin's password, only where the deployment reveals it
     *                        (development); elsewhere the admin is emailed to set one
     */
    record Provisioned(String organizationId, String firstAdminUsername, Optional<String> initialPassword) {
    }
}
