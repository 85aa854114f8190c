package io.concordat.hosting.api;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

@Serdeable
@Schema(examples = "{\"leftOn\":\"2022-03-31\",\"reason\":\"Brought back in house\"}")
public record RecipientLeavesRequest(@NotNull LocalDate leftOn, @NotBlank @Size(max = 2000) String reason) {
}
