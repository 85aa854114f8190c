package io.concordat.opportunities.api;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;

/**
 * The caller's authority joins, or changes how it takes part.
 *
 * @param role   PROSPECTIVE_HOST, PROSPECTIVE_RECIPIENT or INTERESTED
 * @param status INTERESTED, COMMITTED or WITHDRAWN
 */
@Serdeable
@Schema(examples = "{\"role\":\"PROSPECTIVE_HOST\",\"status\":\"COMMITTED\"}")
public record JoinRequest(@NotBlank String role, @NotBlank String status) {
}
