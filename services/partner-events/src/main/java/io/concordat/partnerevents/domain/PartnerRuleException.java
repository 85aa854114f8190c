package io.concordat.partnerevents.domain;

/**
 * A partner's request the rules do not allow; names the rule and the kind of refusal, so that one
 * handler answers every rule the same way.
 */
public class PartnerRuleException extends RuntimeException {

    /** Why the request is refused. */
    public enum Refusal {
        /** The input itself is not valid (400). */
        INVALID,
        /** The caller may not take this step (403). */
        NOT_YOURS,
        /** Nothing of the caller's by that id (404). */
        NOT_FOUND,
        /** The current state does not allow it (409). */
        CONFLICT
    }

    private final String rule;
    private final Refusal refusal;

    public PartnerRuleException(Refusal refusal, String rule, String message) {
        super(message);
        this.rule = rule;
        this.refusal = refusal;
    }

    public static PartnerRuleException invalid(String rule, String message) {
        return new PartnerRuleException(Refusal.INVALID, rule, message);
    }

    public String rule() {
        return rule;
    }

    public Refusal refusal() {
        return refusal;
    }
}
