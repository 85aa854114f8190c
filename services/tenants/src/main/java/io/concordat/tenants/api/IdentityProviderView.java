package io.concordat.tenants.api;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * One of a council's identity providers as linked.
 *
 * @param alias        its name in the realm ({@code kc_idp_hint} picks it directly)
 * @param emailDomains the domains whose people it signs in
 */
@Serdeable
public record IdentityProviderView(String alias, String protocol, List<String> emailDomains, String defaultRole) {
}
