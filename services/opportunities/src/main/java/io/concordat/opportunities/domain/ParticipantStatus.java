package io.concordat.opportunities.domain;

/** How far an authority has committed to an opportunity. */
public enum ParticipantStatus {
    INTERESTED, COMMITTED, WITHDRAWN
}
