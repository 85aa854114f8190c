package io.concordat.tenants.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

/**
 * A council's own identity provider, to be linked to its organization: people whose email is in
 * the domain are sent to it at sign-in and arrive as the council's people with its default role.
 *
 * @param metadataUrl the provider's OpenID Connect discovery document, or its SAML metadata
 * @param clientId    the client the platform is registered as at the provider (OpenID Connect)
 */
public record IdentityProviderLink(Protocol protocol, URI metadataUrl, String clientId, String clientSecret,
                                   String emailDomain, StaffRole defaultRole) {

    public enum Protocol { OIDC, SAML }

    /**
     * @throws TenantRuleException for an unknown protocol, a metadata address that is not an
     *                             https URL (http only on this machine), a missing client, a domain
     *                             that is not the council's, or a default role that is not the council's
     */
    public static IdentityProviderLink of(String protocol, String metadataUrl, String clientId, String clientSecret,
                                          String emailDomain, String defaultRole, List<String> councilDomains) {
        Protocol chosen;
        try {
            chosen = Protocol.valueOf(protocol == null ? "" : protocol.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw invalid("unknown-protocol", "The protocol is OIDC (OpenID Connect) or SAML.");
        }
        URI url = metadataUrl(metadataUrl);
        if (chosen == Protocol.OIDC && (blank(clientId) || blank(clientSecret))) {
            throw invalid("client-required", "An OpenID Connect provider needs the client id and secret the platform "
                    + "is registered with.");
        }
        String domain = emailDomain == null ? "" : emailDomain.strip().toLowerCase(Locale.ROOT);
        if (!councilDomains.contains(domain)) {
            throw invalid("domain-not-the-councils", "'" + emailDomain + "' is not one of the council's email domains "
                    + councilDomains + ".");
        }
        StaffRole role = StaffRole.named(blank(defaultRole) ? StaffRole.AUTHORITY_OFFICER.roleName() : defaultRole.strip());
        if (!StaffRole.councilRoles().contains(role.roleName())) {
            throw invalid("unknown-role", "The default role is one of the council's roles " + StaffRole.councilRoles() + ".");
        }
        return new IdentityProviderLink(chosen, url, blank(clientId) ? null : clientId.strip(),
                blank(clientSecret) ? null : clientSecret, domain, role);
    }

    private static URI metadataUrl(String value) {
        try {
            URI url = new URI(value == null ? "" : value.strip());
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            boolean loopback = "127.0.0.1".equals(url.getHost()) || "localhost".equals(url.getHost());
            if (url.getHost() == null || !(scheme.equals("https") || (scheme.equals("http") && loopback))) {
                throw new URISyntaxException(String.valueOf(value), "not an https URL");
            }
            return url;
        } catch (URISyntaxException e) {
            throw invalid("malformed-metadata-url", "'" + value + "' is not the https address of the provider's metadata.");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static TenantRuleException invalid(String rule, String message) {
        return new InvalidRegistrationException(rule, message);
    }
}
