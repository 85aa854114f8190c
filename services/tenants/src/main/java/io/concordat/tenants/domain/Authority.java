package io.concordat.tenants.domain;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A council or other public body registering as a tenant of the platform.
 *
 * @param gssCode the ONS Government Statistical Service code where one exists: a country letter
 *                (E, W, S or N) and eight digits, e.g. E07000234 for Bromsgrove
 */
public record Authority(UUID id, String name, AuthorityKind kind, String gssCode, List<String> emailDomains,
                        Instant registeredAt, String registeredBy) {

    public static final int MAX_NAME = 200;
    private static final Pattern GSS = Pattern.compile("[ENSW]\\d{8}");
    private static final Pattern DOMAIN = Pattern.compile("(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");

    /**
     * @throws InvalidRegistrationException when the name, code or a domain is malformed
     */
    public static Authority register(String name, AuthorityKind kind, String gssCode, List<String> emailDomains,
                                     String registeredBy, Instant now) {
        String cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty() || cleanName.length() > MAX_NAME) {
            throw new InvalidRegistrationException("invalid-name", "A name of 1 to " + MAX_NAME + " characters is needed.");
        }
        String code = gssCode == null || gssCode.isBlank() ? null : gssCode.strip().toUpperCase(Locale.ROOT);
        if (code != null && !GSS.matcher(code).matches()) {
            throw new InvalidRegistrationException("malformed-gss-code",
                    "'" + gssCode + "' is not a GSS code: a country letter (E, W, S, N) and eight digits, e.g. E07000234.");
        }
        return new Authority(UUID.randomUUID(), cleanName, kind, code, emailDomains(emailDomains), now, registeredBy);
    }

    /**
     * Email domains as the platform keeps them: trimmed, lower case, each once, in the order given.
     *
     * @throws InvalidRegistrationException when one is not an email domain
     */
    public static List<String> emailDomains(List<String> emailDomains) {
        List<String> domains = (emailDomains == null ? List.<String>of() : emailDomains).stream()
                .map(d -> d == null ? "" : d.strip().toLowerCase(Locale.ROOT)).distinct().toList();
        for (String domain : domains) {
            if (!DOMAIN.matcher(domain).matches()) {
                throw new InvalidRegistrationException("malformed-email-domain", "'" + domain + "' is not an email domain.");
            }
        }
        return domains;
    }

    /**
     * Sign-in needs at least one email domain: the identity provider ties the authority's
     * organization to its domains, and refuses one without.
     *
     * @throws InvalidRegistrationException when there is none
     */
    public Authority requireSignInDomain() {
        if (emailDomains.isEmpty()) {
            throw new InvalidRegistrationException("email-domain-required",
                    "At least one email domain is needed (e.g. bromsgrove.gov.uk): sign-in is set up for the authority's domains.");
        }
        return this;
    }
}
