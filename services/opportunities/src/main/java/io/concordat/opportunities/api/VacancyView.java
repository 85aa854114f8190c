package io.concordat.opportunities.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A vacancy as the API shows it.
 *
 * @param status    OPEN, FILLED, WITHDRAWN, or OPPORTUNITY_OPENED (recruitment stopped while
 *                  sharing the post is considered)
 * @param recruiting open and its closing date not passed: it surfaces to other councils
 * @param closedOn  when it closed, or null while open
 */
@Serdeable
public record VacancyView(UUID id, UUID authorityId, String authorityName, String title, String serviceArea,
                      String grade, LocalDate closingDate, String status, @Nullable UUID opportunityId,
                      Instant postedAt, boolean recruiting, @Nullable LocalDate closedOn) {
}
