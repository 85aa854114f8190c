package io.concordat.opportunities.api;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;

/**
 * Closes a vacancy.
 *
 * @param reason FILLED or WITHDRAWN
 */
@Serdeable
public record CloseVacancyRequest(@NotBlank String reason) {
}
