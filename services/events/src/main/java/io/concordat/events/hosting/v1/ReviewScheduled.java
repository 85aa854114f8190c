package io.concordat.events.hosting.v1;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A review of an arrangement was put in the diary: a trial's mid-point review, an annual review,
 * or one its host asked for.
 *
 * @param kind  in the host's words, e.g. "Trial review"
 * @param dueOn the day the review falls due
 */
@Serdeable
public record ReviewScheduled(UUID arrangementId, UUID reviewId, String kind, LocalDate dueOn, Instant recordedAt) {
}
