package io.concordat.events.hosting.v1;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The host proposed that another body host the service from a day. The host does not change
 * until that body accepts ({@link HostTransferAccepted}, with {@link HostTransferred}).
 *
 * @param proposedBy who proposed, for the current host
 */
@Serdeable
public record HostTransferProposed(UUID arrangementId, UUID transferId, UUID fromAuthorityId, UUID toAuthorityId,
                                   LocalDate effectiveOn, String proposedBy, Instant recordedAt) {
}
