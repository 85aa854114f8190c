package io.concordat.opportunities.domain;

/** A step the opportunity's rules do not allow now (as opposed to malformed input). */
public class OpportunityRuleException extends RuntimeException {

    private final String rule;

    public OpportunityRuleException(String rule, String message) {
        super(message);
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }
}
