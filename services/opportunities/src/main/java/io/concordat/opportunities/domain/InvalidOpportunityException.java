package io.concordat.opportunities.domain;

/** Input that breaks a rule of what an opportunity, business case or vacancy must be. */
public class InvalidOpportunityException extends OpportunityRuleException {

    public InvalidOpportunityException(String rule, String message) {
        super(Kind.INVALID, rule, message);
    }
}
