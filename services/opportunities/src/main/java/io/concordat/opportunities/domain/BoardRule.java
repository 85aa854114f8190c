package io.concordat.opportunities.domain;

/** How a region's board comes to a recommendation; the region decides which applies. */
public enum BoardRule {
    /** Every councillor who voted supports it, with at least one voting from each authority. */
    CONSENSUS,
    /** Consensus; where there is none, at least a set number of councillors of each authority in support. */
    CONSENSUS_ELSE_MINIMUM_FROM_EACH,
    /** More councillors support it than oppose it. */
    SIMPLE_MAJORITY
}
