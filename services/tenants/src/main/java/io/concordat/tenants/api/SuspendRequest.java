package io.concordat.tenants.api;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why: an authority is suspended, a request declined, a registration rejected or a region to close. */
@Serdeable
@Schema(examples = "{\"reason\":\"Registered in error; awaiting the council's confirmation.\"}")
public record SuspendRequest(@NotBlank @Size(max = 2000) String reason) {
}
