package io.concordat.opportunities.domain;

/** What a council decided. */
public enum DecisionOutcome {
    APPROVE, REJECT, DEFER
}
