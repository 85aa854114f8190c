package io.concordat.events.hosting.v1;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** The arrangement ends on its exit date. */
@Serdeable
public record ArrangementTerminated(UUID arrangementId, String reason, LocalDate exitOn, Instant recordedAt) {
}
