package io.concordat.hosting.api;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;

import java.time.LocalDate;

/** Records that an interim arrangement's condition was met, which ends it on that day. */
@Serdeable
@Schema(examples = "{\"metOn\":\"2022-01-10\"}")
public record ConditionMetRequest(@NotNull LocalDate metOn) {
}
