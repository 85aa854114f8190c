package io.concordat.opportunities.domain;

/** Who in a council took the decision. */
public enum DecisionBody {
    CABINET, EXECUTIVE, FULL_COUNCIL, COMMITTEE, OFFICER_DELEGATED
}
