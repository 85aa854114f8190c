package io.concordat.events.hosting.v1;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A review of an arrangement ended.
 *
 * @param outcome CONTINUE, VARY or TERMINATE
 */
@Serdeable
public record ReviewCompleted(UUID arrangementId, UUID reviewId, String kind, String outcome, String decidedBy,
                              LocalDate completedOn, @Nullable String note, Instant recordedAt) {
}
