package io.concordat.tenants.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A council's own identity provider, to be linked to its organization: people whose email is in
 * one of its domains are sent to it at sign-in and arrive as the council's people with its default
 * role. A council links several (one per part of the council that signs in elsewhere), each for
 * one of its domains or for all of them.
 *
 * @param name         the provider's short name among the council's (absent for the first one linked)
 * @param metadataUrl  the provider's OpenID Connect discovery document, or its SAML metadata
 * @param clientId     the client the platform is registered as at the provider (OpenID Connect)
 * @param emailDomains the domains whose people it signs in, in the order given
 */
public record IdentityProviderLink(String name, Protocol protocol, URI metadataUrl, String clientId, String clientSecret,
                                   List<String> emailDomains, StaffRole defaultRole) {

    public enum Protocol { OIDC, SAML }

    /** Keycloak links a provider to one of an organization's domains, or to all of them with this. */
    public static final String EVERY_DOMAIN = "ANY";

    private static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,28}[a-z0-9])?");

    /**
     * @throws TenantRuleException for an unknown protocol, a metadata address that is not an
     *                             https URL (http only on this machine), a missing client, a
     *                             malformed name or domain, no domain, or a default role that is
     *                             not the council's
     */
    public static IdentityProviderLink of(String name, String protocol, String metadataUrl, String clientId,
                                          String clientSecret, List<String> emailDomains, String defaultRole) {
        String cleanName = blank(name) ? null : name.strip().toLowerCase(Locale.ROOT);
        if (cleanName != null && !NAME.matcher(cleanName).matches()) {
            throw invalid("malformed-provider-name", "'" + name + "' is not a provider name: 1 to 30 letters, digits "
                    + "and hyphens, e.g. entra or legal-saml.");
        }
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
        List<String> domains = Authority.emailDomains(emailDomains);
        if (domains.isEmpty()) {
            throw invalid("email-domain-required", "A provider signs in the people of at least one email domain.");
        }
        StaffRole role = StaffRole.named(blank(defaultRole) ? StaffRole.AUTHORITY_OFFICER.roleName() : defaultRole.strip());
        if (!StaffRole.councilRoles().contains(role.roleName())) {
            throw invalid("unknown-role", "The default role is one of the council's roles " + StaffRole.councilRoles() + ".");
        }
        return new IdentityProviderLink(cleanName, chosen, url, blank(clientId) ? null : clientId.strip(),
                blank(clientSecret) ? null : clientSecret, domains, role);
    }

    /** Its name in the realm: {@code authority-<id>}, and {@code -<name>} after it for a named one. */
    public String alias(UUID authorityId) {
        return "authority-" + authorityId + (name == null ? "" : "-" + name);
    }

    /** The domains that are not yet the council's: linking makes them its own. */
    public List<String> newDomains(List<String> councilDomains) {
        return emailDomains.stream().filter(domain -> !councilDomains.contains(domain)).toList();
    }

    /**
     * The organization domain Keycloak links the provider with, given the council's domains once
     * the new ones are added: its one domain, or every domain when it serves all of them.
     *
     * @throws TenantRuleException when it serves several of the council's domains but not all
     */
    public String organizationDomain(List<String> councilDomains) {
        if (emailDomains.size() == 1) {
            return emailDomains.get(0);
        }
        if (Set.copyOf(emailDomains).equals(Set.copyOf(councilDomains))) {
            return EVERY_DOMAIN;
        }
        throw invalid("one-domain-or-all", "A provider signs in one of the council's domains or all of them "
                + councilDomains + " (the realm sends a domain's people to one provider); link one per domain instead.");
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
