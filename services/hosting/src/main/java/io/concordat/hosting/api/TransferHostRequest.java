package io.concordat.hosting.api;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;

import java.time.LocalDate;
import java.util.UUID;

/** Moves the hosting to another body from a date. */
@Serdeable
public record TransferHostRequest(@NotNull UUID toAuthorityId, @NotNull LocalDate effectiveOn) {
}
