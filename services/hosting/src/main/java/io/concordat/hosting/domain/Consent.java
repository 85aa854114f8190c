package io.concordat.hosting.domain;

/**
 * A council's answer when another asks it to take part: to receive a service, or to become its
 * host. One council cannot bind another; what it is asked takes effect only when it accepts.
 */
public enum Consent {
    /** Asked, not yet answered: nothing has taken effect. */
    ASKED,
    /** Accepted by the council's own staff, or by its recorded decision on the opportunity. */
    ACCEPTED,
    DECLINED
}
