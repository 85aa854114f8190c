package io.concordat.opportunities.api;

import io.micronaut.serde.annotation.Serdeable;
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
public record DecisionRequest(@NotBlank String outcome, @NotBlank String body, @NotNull LocalDate decidedOn,
                       @NotBlank @Size(max = 200) String minuteReference) {
}
