package io.concordat.opportunities.domain;

/**
 * What a board recommended, with the tally and the reason in the rule's terms.
 */
public record BoardRecommendation(boolean recommended, BoardRule rule, int inFavour, int against, String reason) {
}
