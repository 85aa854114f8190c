package io.concordat.events.tenants.v1;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

/**
 * A pending registration was rejected by the platform: it is kept, with the reason, but never
 * becomes a tenant; the body must register again to be considered.
 *
 * @param reason why, in the platform admin's words
 */
@Serdeable
public record AuthorityRejected(UUID authorityId, String reason, String rejectedBy, Instant rejectedAt) {
}
