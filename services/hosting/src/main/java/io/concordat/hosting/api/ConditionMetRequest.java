package io.concordat.hosting.api;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;

import java.time.LocalDate;

/** Records that an interim arrangement's condition was met, which ends it on that day. */
@Serdeable
public record ConditionMetRequest(@NotNull LocalDate metOn) {
}
