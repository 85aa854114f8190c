package io.concordat.tenants.domain;

import java.util.List;

/**
 * A step or an input that the rules of tenants and regions do not allow. It names the rule and
 * says what kind of refusal it is, so that one handler answers every rule the same way. The two
 * kinds have their own names: {@link InvalidRegistrationException} for what the caller got wrong,
 * {@link LifecycleException} for what the current state does not allow.
 */
public class TenantRuleException extends RuntimeException {

    /** Why the step is refused. */
    public enum Refusal {
        /** The input itself is not valid (400). */
        INVALID,
        /** The current state does not allow the step (409), with the states or steps that are allowed. */
        CONFLICT,
        /** The caller may not take the step, whatever the state (403). */
        NOT_ALLOWED
    }

    private final String rule;
    private final Refusal refusal;
    private final List<String> allowed;

    public TenantRuleException(Refusal refusal, String rule, String message, List<String> allowed) {
        super(message);
        this.rule = rule;
        this.refusal = refusal;
        this.allowed = List.copyOf(allowed);
    }

    /** A short stable name of the broken rule, e.g. {@code malformed-gss-code}. */
    public String rule() {
        return rule;
    }

    public Refusal refusal() {
        return refusal;
    }

    /** The states or steps that are allowed instead, where the rule names any. */
    public List<String> allowed() {
        return allowed;
    }
}
