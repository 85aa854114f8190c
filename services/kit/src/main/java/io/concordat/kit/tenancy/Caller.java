package io.concordat.kit.tenancy;

import io.micronaut.security.authentication.Authentication;

import java.security.Principal;
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

    /** The token claim carrying the caller's authority id. */
    public static final String AUTHORITY_CLAIM = "authority_id";

    @Override
    public String getName() {
        return subject;
    }

    public static Caller of(Authentication authentication) {
        Object sub = authentication.getAttributes().getOrDefault("sub", authentication.getName());
        Object username = authentication.getAttributes().getOrDefault("preferred_username", authentication.getName());
        return new Caller(String.valueOf(sub), String.valueOf(username),
                parseAuthority(authentication.getAttributes().get(AUTHORITY_CLAIM)),
                Set.copyOf(authentication.getRoles()));
    }

    private static Optional<UUID> parseAuthority(Object claim) {
        if (claim == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(claim.toString()));
        } catch (IllegalArgumentException malformed) {
            throw new TenancyException("the token's " + AUTHORITY_CLAIM + " claim is not an authority id");
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
        return authorityId.orElseThrow(() -> new TenancyException("the token names no authority to act for"));
    }
}
