package io.concordat.opportunities.domain;

/** What part an authority would play in a collaboration. */
public enum ParticipantRole {
    PROPOSER, PROSPECTIVE_HOST, PROSPECTIVE_RECIPIENT, INTERESTED
}
