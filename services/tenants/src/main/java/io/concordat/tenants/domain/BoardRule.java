package io.concordat.tenants.domain;

/** How a region's board comes to a recommendation. */
public enum BoardRule {
    /** Every councillor present supports it. */
    CONSENSUS,
    /** Consensus; where there is none, at least a set number of councillors from each authority support it. */
    CONSENSUS_ELSE_MINIMUM_FROM_EACH,
    /** More councillors support it than oppose it. */
    SIMPLE_MAJORITY
}
