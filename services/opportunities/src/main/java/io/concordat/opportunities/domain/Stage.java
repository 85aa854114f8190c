package io.concordat.opportunities.domain;

/** Where an opportunity stands, from a first idea to a live shared service. */
public enum Stage {
    IDEA, IN_PRINCIPLE, OUTLINE_BUSINESS_CASE, FULL_BUSINESS_CASE, BOARD_RECOMMENDATION, DECIDED, IMPLEMENTING, LIVE,
    ON_HOLD, REJECTED, WITHDRAWN
}
