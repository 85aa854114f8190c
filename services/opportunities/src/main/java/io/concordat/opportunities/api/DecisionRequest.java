package io.concordat.opportunities.api;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/**
 * A council's decision.
 *
 * @param outcome         APPROVE, REJECT or DEFER
 * @param body            CABINET, EXECUTIVE, FULL_COUNCIL, COMMITTEE or OFFICER_DELEGATED
 * @param minuteReference where it is minuted, e.g. "EXEC/2026/42"
 */
@Serdeable
@Schema(examples = "{\"outcome\":\"APPROVE\",\"body\":\"EXECUTIVE\",\"decidedOn\":\"2026-06-15\",\"minuteReference\":\"E/2\"}")
public record DecisionRequest(@NotBlank String outcome, @NotBlank String body, @NotNull LocalDate decidedOn,
                       @NotBlank @Size(max = 200) String minuteReference) {
}
