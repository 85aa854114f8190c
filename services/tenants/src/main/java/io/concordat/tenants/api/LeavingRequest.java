package io.concordat.tenants.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.LocalDate;

/**
 * Optional when leaving a region.
 *
 * @param leftOn the first day the authority is no longer a member, to record a departure as it
 *               was; absent for today
 */
@Serdeable
@Schema(examples = "{\"leftOn\":\"2025-03-31\"}")
public record LeavingRequest(@Nullable LocalDate leftOn) {
}
