package io.concordat.opportunities.domain;

/** A proposal that breaks a rule of what an opportunity must be. */
public class InvalidOpportunityException extends RuntimeException {

    private final String rule;

    public InvalidOpportunityException(String rule, String message) {
        super(message);
        this.rule = rule;
    }

    /** A short stable name of the broken rule, e.g. {@code unknown-service-area}. */
    public String rule() {
        return rule;
    }
}
