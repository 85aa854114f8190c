package io.concordat.events.hosting.v1;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A council accepted, through its own staff, to receive the service from a day; {@link RecipientJoined}
 * is published with it.
 *
 * @param acceptedBy who accepted, for the council
 */
@Serdeable
public record RecipientAccepted(UUID arrangementId, UUID authorityId, LocalDate joinedOn, String acceptedBy,
                                Instant recordedAt) {
}
