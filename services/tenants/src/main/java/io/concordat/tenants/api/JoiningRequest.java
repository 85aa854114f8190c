package io.concordat.tenants.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.LocalDate;

/**
 * Optional when asking to join a region, or approving the request.
 *
 * @param joinedOn the day the membership starts, to record one as it was; absent for today
 *                 (or, on approval, the day asked for)
 */
@Serdeable
@Schema(examples = "{\"joinedOn\":\"2024-04-01\"}")
public record JoiningRequest(@Nullable LocalDate joinedOn) {
}
