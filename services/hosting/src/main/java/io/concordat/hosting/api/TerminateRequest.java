package io.concordat.hosting.api;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

@Serdeable
@Schema(examples = "{\"reason\":\"No longer needed\",\"exitOn\":\"2023-03-31\"}")
public record TerminateRequest(@NotBlank @Size(max = 2000) String reason, @NotNull LocalDate exitOn) {
}
