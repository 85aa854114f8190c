package io.concordat.opportunities.api;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** A councillor's vote. */
@Serdeable
@Schema(examples = "{\"inFavour\":true}")
public record VoteRequest(boolean inFavour) {
}
