package io.concordat.events.tenants.v1;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

/**
 * A person was given a role, for their authority or, for the regional roles, in a region.
 *
 * @param regionId  the region a region-admin or regional-viewer role was granted for; null for a council's own roles
 * @param grantedBy who granted it (sign-in name)
 */
@Serdeable
public record RoleGranted(UUID authorityId, String userId, String role, @Nullable UUID regionId, String grantedBy,
                          Instant grantedAt) {
}
