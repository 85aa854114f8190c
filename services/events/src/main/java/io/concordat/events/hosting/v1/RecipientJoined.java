package io.concordat.events.hosting.v1;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An authority started receiving the service. */
@Serdeable
public record RecipientJoined(UUID arrangementId, UUID authorityId, LocalDate joinedOn, Instant recordedAt) {
}
