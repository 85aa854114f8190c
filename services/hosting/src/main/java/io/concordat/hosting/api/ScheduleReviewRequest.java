package io.concordat.hosting.api;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** A review to hold, e.g. the 6-month review of a trial, or an annual review. */
@Serdeable
public record ScheduleReviewRequest(@NotBlank @Size(max = 100) String kind, @NotNull LocalDate dueOn) {
}
