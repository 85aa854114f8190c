package io.concordat.tenants.api;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why the platform rejects a registration, or why a region is to close. */
@Serdeable
public record ReasonRequest(@NotBlank @Size(max = 2000) String reason) {
}
