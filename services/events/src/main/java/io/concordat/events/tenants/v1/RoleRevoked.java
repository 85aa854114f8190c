package io.concordat.events.tenants.v1;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

/**
 * A person lost a role.
 *
 * @param regionId  the region a regional role was revoked for; null for a council's own roles
 * @param revokedBy who revoked it (sign-in name)
 */
@Serdeable
public record RoleRevoked(UUID authorityId, String userId, String role, @Nullable UUID regionId, String revokedBy,
                          Instant revokedAt) {
}
