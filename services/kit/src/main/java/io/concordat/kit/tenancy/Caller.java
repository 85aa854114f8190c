package io.concordat.kit.tenancy;

import io.micronaut.security.authentication.Authentication;

import java.security.Principal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who is calling, as their verified token says. A {@link Principal}: bound from the token, never sent
 * by a client, so the API documents leave it out.
 *
 * @param subject     the person's (or partner system's) id in the identity provider
 * @param username    their sign-in name, for the record of who did what
 * @param authorityId the authority they act for; absent for platform staff without one
 * @param roles       their realm roles, see {@link Roles}
 */
public record Caller(String subject, String username, Optional<UUID> authorityId, Set<String> roles) implements Principal {

    /**
     * The claim Keycloak's {@code organization} scope adds: the organization the person signed in
     * for (its alias is the authority's id). A single alias, a list of aliases, or an object keyed by
     * alias, as the realm's mapper is set.
     */
    public static final String ORGANIZATION_CLAIM = "organization";

    /**
     * The claim carrying the authority id from a service-account attribute; read only from a
     * partner system's token that has no organization claim (partner systems' service accounts are
     * members of no organization). A person's token never acts through it.
     */
    public static final String AUTHORITY_CLAIM = "authority_id";

    /** The claim the realm puts the realm roles in. */
    private static final String ROLES_CLAIM = "roles";

    @Override
    public String getName() {
        return subject;
    }

    public static Caller of(Authentication authentication) {
        Object sub = authentication.getAttributes().getOrDefault("sub", authentication.getName());
        Object username = authentication.getAttributes().getOrDefault("preferred_username", authentication.getName());
        return new Caller(String.valueOf(sub), String.valueOf(username), authorityOf(authentication.getAttributes()),
                Set.copyOf(authentication.getRoles()));
    }

    /**
     * The authority a token's claims say the caller acts for. When the token carries the
     * organization claim, it decides: one organization is the authority; several (a person in two
     * councils who did not choose one at sign-in) or none is no authority at all. Without it, only a
     * partner system's token (the {@code partner-system} role, which only partner clients' service
     * accounts hold: the staff API never gives it) acts for the authority in its {@code authority_id}
     * claim; a person's token without an organization acts for no authority, whatever attributes
     * their account carries.
     *
     * @throws TenancyException when the claim does not name an authority id
     */
    public static Optional<UUID> authorityOf(Map<String, Object> claims) {
        Object organization = claims.get(ORGANIZATION_CLAIM);
        if (organization != null) {
            List<String> aliases = aliases(organization);
            return aliases.size() == 1 ? Optional.of(parse(aliases.get(0), ORGANIZATION_CLAIM)) : Optional.empty();
        }
        Object authority = claims.get(AUTHORITY_CLAIM);
        return authority == null || !isPartnerSystem(claims) ? Optional.empty()
                : Optional.of(parse(authority.toString(), AUTHORITY_CLAIM));
    }

    private static boolean isPartnerSystem(Map<String, Object> claims) {
        Object roles = claims.get(ROLES_CLAIM);
        return roles instanceof Collection<?> held ? held.stream().map(String::valueOf).anyMatch(Roles.PARTNER_SYSTEM::equals)
                : Roles.PARTNER_SYSTEM.equals(String.valueOf(roles));
    }

    private static List<String> aliases(Object claim) {
        if (claim instanceof Map<?, ?> byAlias) {
            return byAlias.keySet().stream().map(String::valueOf).toList();
        }
        if (claim instanceof Collection<?> aliases) {
            return aliases.stream().map(String::valueOf).toList();
        }
        return List.of(claim.toString());
    }

    private static UUID parse(String value, String claim) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException malformed) {
            throw new TenancyException("the token's " + claim + " claim is not an authority id");
        }
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /**
     * The authority the caller acts for.
     *
     * @throws TenancyException when the token names none
     */
    public UUID requireAuthority() {
        return authorityId.orElseThrow(() -> new TenancyException("the token names no authority to act for: sign in "
                + "for one council (a person in several chooses one)"));
    }
}
