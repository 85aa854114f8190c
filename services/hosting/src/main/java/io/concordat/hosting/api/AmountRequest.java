package io.concordat.hosting.api;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** An amount in pence. */
@Serdeable
@Schema(examples = "{\"pence\":4000000}")
public record AmountRequest(long pence) {
}
