package io.concordat.events.tenants.v1;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A person left an authority: they are no longer a member of its organization, lost the roles
 * they held for it, and were signed out everywhere.
 *
 * @param rolesRemoved the roles they held for it
 * @param removedBy    who removed them (sign-in name)
 */
@Serdeable
public record StaffRemoved(UUID authorityId, String userId, String email, List<String> rolesRemoved, String removedBy,
                           Instant removedAt) {
}
