package io.concordat.events.hosting.v1;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An authority stopped receiving the service. */
@Serdeable
public record RecipientLeft(UUID arrangementId, UUID authorityId, LocalDate leftOn, String reason, Instant recordedAt) {
}
