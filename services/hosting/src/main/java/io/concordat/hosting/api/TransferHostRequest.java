package io.concordat.hosting.api;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;

import java.time.LocalDate;
import java.util.UUID;

/** Moves the hosting to another body from a date. */
@Serdeable
@Schema(examples = "{\"toAuthorityId\":\"0d8b5a8e-3c1f-4c55-9a55-6a8f1d1c2b01\",\"effectiveOn\":\"2022-04-01\"}")
public record TransferHostRequest(@NotNull UUID toAuthorityId, @NotNull LocalDate effectiveOn) {
}
