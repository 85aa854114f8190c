package io.concordat.tenants.provisioning;

import io.concordat.tenants.domain.IdentityProviderLink;

import java.util.UUID;

/** Councils' own identity providers, brokered by the realm. */
public interface IdentityProviders {

    /**
     * Sets the provider up from its metadata, gives everyone who arrives through it the council's
     * default role, and links it to the organization for the email domain (sign-in sends people of
     * the domain to it). Nothing is left behind when a step fails.
     *
     * @return the provider's alias in the realm
     * @throws ProvisioningException {@code METADATA_UNUSABLE} when the metadata cannot be fetched or
     *                               read, {@code ALREADY_INVITED} when the council has a provider already
     */
    String link(String organizationId, UUID authorityId, String councilName, IdentityProviderLink link);
}
