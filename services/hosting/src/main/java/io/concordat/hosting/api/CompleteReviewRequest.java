package io.concordat.hosting.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/**
 * @param outcome CONTINUE, VARY or TERMINATE
 * @param decidedBy the body that decided, e.g. "Shared Services Board"
 */
@Serdeable
@Schema(examples = "{\"outcome\":\"CONTINUE\",\"decidedBy\":\"Shared Services Board\",\"completedOn\":\"2021-10-01\",\"note\":\"Targets met; the trial becomes permanent.\"}")
public record CompleteReviewRequest(@NotBlank String outcome, @NotBlank @Size(max = 200) String decidedBy,
                                    @NotNull LocalDate completedOn, @Nullable @Size(max = 2000) String note) {
}
