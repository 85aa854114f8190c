package io.concordat.events.hosting.v1;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The proposed host accepted, through its own staff: it hosts the service from the day proposed.
 *
 * @param acceptedBy who accepted, for the new host
 */
@Serdeable
public record HostTransferAccepted(UUID arrangementId, UUID transferId, UUID fromAuthorityId, UUID toAuthorityId,
                                   LocalDate effectiveOn, String acceptedBy, Instant recordedAt) {
}
