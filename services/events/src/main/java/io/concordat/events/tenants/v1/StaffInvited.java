package io.concordat.events.tenants.v1;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A person was invited to sign in for an authority: they become a member of its organization
 * and set their own password (and second factor, where asked) when they first follow the invitation.
 *
 * @param userId    their id in the identity provider
 * @param roles     the roles they were invited with
 * @param invitedBy who invited them (sign-in name)
 */
@Serdeable
public record StaffInvited(UUID authorityId, String userId, String email, List<String> roles, String invitedBy,
                           Instant invitedAt) {
}
