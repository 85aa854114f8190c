package io.concordat.events.hosting.v1;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A reading of an indicator for a recipient in a period, rated against that recipient's target.
 *
 * @param period         the period reported, e.g. "2026/27 Q2" (see {@code ReportingPeriod}); before
 *                       periods were typed, free text such as "2026-Q1"
 * @param rating         GREEN, AMBER or RED
 * @param reportedAt     when the reading was entered, which may be long after the period
 * @param periodFirstDay the period's first day; absent from events written before periods were typed,
 *                       and for a free-text period that is not one
 * @param periodLastDay  the period's last day, absent when the first day is
 */
@Serdeable
public record IndicatorReported(UUID arrangementId, UUID indicatorId, String indicatorName, UUID recipientAuthorityId,
                                String period, BigDecimal value, BigDecimal target, String rating, Instant reportedAt,
                                @Nullable LocalDate periodFirstDay, @Nullable LocalDate periodLastDay) {
}
