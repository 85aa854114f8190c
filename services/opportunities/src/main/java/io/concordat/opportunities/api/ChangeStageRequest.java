package io.concordat.opportunities.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.util.UUID;

/**
 * Moves an opportunity to another stage.
 *
 * @param boardRegionId when going to BOARD_RECOMMENDATION: the region whose board considers it
 */
@Serdeable
@Schema(examples = "{\"to\":\"IN_PRINCIPLE_DISCUSSION\",\"note\":\"Both chief executives support looking into it.\"}")
public record ChangeStageRequest(@NotBlank String to, @Nullable @Size(max = 2000) String note, @Nullable UUID boardRegionId) {
}
