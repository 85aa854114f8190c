package io.concordat.hosting.domain;

/** On what footing a service is hosted. */
public enum Basis {
    PERMANENT, FIXED_TERM, TRIAL,
    /** Until a stated condition is met, e.g. "until the Head of HR post is filled". */
    INTERIM;

    /** Only an interim arrangement ends when its condition is met. */
    public void requireEndsOnCondition() {
        if (this != INTERIM) {
            throw new HostingRuleException(HostingRuleException.Refusal.CONFLICT, "not-interim",
                    "Only an interim arrangement ends when its condition is met.");
        }
    }
}
