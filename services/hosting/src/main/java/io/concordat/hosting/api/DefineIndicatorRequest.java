package io.concordat.hosting.api;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

/**
 * An indicator agreed at the start.
 *
 * @param direction   HIGHER_IS_BETTER or LOWER_IS_BETTER
 * @param amberMargin how far short of target a reading is still amber
 * @param targets     the target for each recipient
 */
@Serdeable
@Schema(examples = "{\"name\":\"Days to pay\",\"unit\":\"days\",\"direction\":\"LOWER_IS_BETTER\",\"amberMargin\":3,\"targets\":{\"0d8b5a8e-3c1f-4c55-9a55-6a8f1d1c2b01\":20}}")
public record DefineIndicatorRequest(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 50) String unit,
                                     @NotBlank String direction, @NotNull BigDecimal amberMargin,
                                     @NotNull Map<UUID, BigDecimal> targets) {
}
