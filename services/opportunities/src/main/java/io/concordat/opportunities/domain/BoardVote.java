package io.concordat.opportunities.domain;

import java.util.UUID;

/** One councillor's vote on a recommendation. */
public record BoardVote(UUID authorityId, String councillor, boolean inFavour) {
}
