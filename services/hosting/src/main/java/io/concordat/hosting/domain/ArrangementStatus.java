package io.concordat.hosting.domain;

/** Where an arrangement stands. */
public enum ArrangementStatus {
    AGREED, LIVE, UNDER_REVIEW, VARIED, TERMINATED
}
