package io.concordat.opportunities.api;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;

/**
 * Closes a vacancy.
 *
 * @param reason FILLED or WITHDRAWN
 */
@Serdeable
@Schema(examples = "{\"reason\":\"FILLED\"}")
public record CloseVacancyRequest(@NotBlank String reason) {
}
