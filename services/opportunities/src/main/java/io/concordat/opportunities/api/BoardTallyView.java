package io.concordat.opportunities.api;

import io.micronaut.serde.annotation.Serdeable;

/** The board's votes cast so far on an opportunity, and how many are in favour. */
@Serdeable
public record BoardTallyView(int votes, long inFavour) {
}
