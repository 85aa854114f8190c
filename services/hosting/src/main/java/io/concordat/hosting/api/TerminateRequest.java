package io.concordat.hosting.api;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

@Serdeable
public record TerminateRequest(@NotBlank @Size(max = 2000) String reason, @NotNull LocalDate exitOn) {
}
