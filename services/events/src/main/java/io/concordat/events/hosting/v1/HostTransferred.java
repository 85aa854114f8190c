package io.concordat.events.hosting.v1;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** The arrangement's host changed from a date; the earlier host's period is kept as history. */
@Serdeable
public record HostTransferred(UUID arrangementId, UUID fromAuthorityId, UUID toAuthorityId, LocalDate effectiveOn,
                              Instant recordedAt) {
}
