package io.concordat.hosting.api;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
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
@Schema(examples = "{\"authorityId\":\"0d8b5a8e-3c1f-4c55-9a55-6a8f1d1c2b01\",\"period\":\"2026/27 Q1\",\"value\":22}")
public record ReadingRequest(@NotNull UUID authorityId, @NotBlank @Size(max = 20) String period, @NotNull BigDecimal value) {
}
