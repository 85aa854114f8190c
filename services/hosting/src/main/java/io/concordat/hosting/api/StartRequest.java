package io.concordat.hosting.api;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;

import java.time.LocalDate;

/** The agreed arrangement goes live on a day. */
@Serdeable
public record StartRequest(@NotNull LocalDate startedOn) {
}
