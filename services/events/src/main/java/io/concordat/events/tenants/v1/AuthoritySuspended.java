package io.concordat.events.tenants.v1;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

/**
 * An authority was suspended: its staff can no longer sign in; its data is kept.
 *
 * @param reason why, in the platform admin's words
 */
@Serdeable
public record AuthoritySuspended(UUID authorityId, String reason, String suspendedBy, Instant suspendedAt) {
}
