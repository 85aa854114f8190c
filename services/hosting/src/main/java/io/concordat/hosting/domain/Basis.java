package io.concordat.hosting.domain;

/** On what footing a service is hosted. */
public enum Basis {
    PERMANENT, FIXED_TERM, TRIAL,
    /** Until a stated condition is met, e.g. "until the Head of HR post is filled". */
    INTERIM
}
