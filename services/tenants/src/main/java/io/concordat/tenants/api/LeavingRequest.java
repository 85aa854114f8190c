package io.concordat.tenants.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;

/**
 * Optional when leaving a region.
 *
 * @param leftOn the first day the authority is no longer a member, to record a departure as it
 *               was; absent for today
 */
@Serdeable
public record LeavingRequest(@Nullable LocalDate leftOn) {
}
