package io.concordat.hosting.api;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A reading for a recipient in a period.
 *
 * @param period a financial year ("2026/27"), a quarter of one ("2026/27 Q2"; Q1 is April to June)
 *               or a calendar month ("2026-09")
 */
@Serdeable
public record ReadingRequest(@NotNull UUID authorityId, @NotBlank @Size(max = 20) String period, @NotNull BigDecimal value) {
}
