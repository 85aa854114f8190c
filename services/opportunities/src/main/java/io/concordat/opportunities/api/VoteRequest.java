package io.concordat.opportunities.api;

import io.micronaut.serde.annotation.Serdeable;

/** A councillor's vote. */
@Serdeable
public record VoteRequest(boolean inFavour) {
}
