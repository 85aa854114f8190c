package io.concordat.tenants.api;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why: an authority is suspended, a request declined, a registration rejected or a region to close. */
@Serdeable
public record SuspendRequest(@NotBlank @Size(max = 2000) String reason) {
}
