package io.concordat.tenants.api;

import io.micronaut.serde.annotation.Serdeable;

/**
 * A council's identity provider as linked.
 *
 * @param alias its name in the realm ({@code kc_idp_hint} picks it directly)
 */
@Serdeable
public record IdentityProviderView(String alias, String protocol, String metadataUrl, String emailDomain, String defaultRole) {
}
