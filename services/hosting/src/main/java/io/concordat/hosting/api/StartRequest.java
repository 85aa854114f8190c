package io.concordat.hosting.api;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;

import java.time.LocalDate;

/** The agreed arrangement goes live on a day. */
@Serdeable
@Schema(examples = "{\"startedOn\":\"2021-04-01\"}")
public record StartRequest(@NotNull LocalDate startedOn) {
}
