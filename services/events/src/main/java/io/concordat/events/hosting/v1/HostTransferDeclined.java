package io.concordat.events.hosting.v1;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

/**
 * The proposed host declined: the current host keeps the service.
 *
 * @param declinedBy who declined, for the proposed host
 */
@Serdeable
public record HostTransferDeclined(UUID arrangementId, UUID transferId, UUID fromAuthorityId, UUID toAuthorityId,
                                   String declinedBy, Instant recordedAt) {
}
