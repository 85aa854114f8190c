package io.concordat.tenants.provisioning;

import io.concordat.tenants.domain.IdentityProviderLink;

import java.util.List;

/** Councils' own identity providers, brokered by the realm. */
public interface IdentityProviders {

    /** A provider linked to a council's organization, and the domains whose people it signs in. */
    record LinkedProvider(String alias, String protocol, List<String> emailDomains, String defaultRole) {
    }

    /**
     * Adds the new domains to the organization, sets the provider up from its metadata, gives
     * everyone who arrives through it the council's default role, and links it to the organization
     * for the domain (one of the organization's, or {@link IdentityProviderLink#EVERY_DOMAIN}): sign-in
     * sends people of the domain to it. Nothing is left behind when a step fails.
     *
     * @throws ProvisioningException {@code METADATA_UNUSABLE} when the metadata cannot be fetched or
     *                               read, {@code ALREADY_LINKED} when the alias is taken
     */
    void link(String organizationId, String alias, String councilName, IdentityProviderLink link,
              List<String> newDomains, String organizationDomain);

    /** The providers linked to the organization, each with the council's domains it serves. */
    List<LinkedProvider> linked(String organizationId, List<String> councilDomains);

    /** Unlinks the provider from the organization and removes it; people who came through it keep their accounts. */
    void unlink(String organizationId, String alias);
}
