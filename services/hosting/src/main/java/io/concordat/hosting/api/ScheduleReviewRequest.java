package io.concordat.hosting.api;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** A review to hold, e.g. the 6-month review of a trial, or an annual review. */
@Serdeable
@Schema(examples = "{\"kind\":\"Annual review\",\"dueOn\":\"2022-04-01\"}")
public record ScheduleReviewRequest(@NotBlank @Size(max = 100) String kind, @NotNull LocalDate dueOn) {
}
