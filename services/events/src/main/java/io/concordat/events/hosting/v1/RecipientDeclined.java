package io.concordat.events.hosting.v1;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

/**
 * A council declined to receive the service it was asked to receive; it never joined.
 *
 * @param declinedBy who declined, for the council
 */
@Serdeable
public record RecipientDeclined(UUID arrangementId, UUID authorityId, String declinedBy, Instant recordedAt) {
}
