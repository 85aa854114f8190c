package io.concordat.hosting.domain;

import java.util.Map;

/**
 * Input or a step that the rules of hosting arrangements do not allow; names the rule and says
 * what kind of refusal it is, so that one handler answers every rule the same way.
 */
public class HostingRuleException extends RuntimeException {

    /** Why the step is refused. */
    public enum Refusal {
        /** The input itself is not valid (400). */
        INVALID,
        /** The caller's authority is not the one that may take the step (403). */
        NOT_YOURS,
        /** The arrangement's current state does not allow the step (409). */
        CONFLICT,
        /** Well-formed, but names something the arrangement cannot take (422). */
        UNPROCESSABLE
    }

    private final String rule;
    private final Refusal refusal;
    private final transient Map<String, Object> details;

    public HostingRuleException(String rule, String message) {
        this(Refusal.INVALID, rule, message, Map.of());
    }

    public HostingRuleException(Refusal refusal, String rule, String message) {
        this(refusal, rule, message, Map.of());
    }

    /**
     * @param details further members of the answer, e.g. the field at fault and the values it allows
     */
    public HostingRuleException(Refusal refusal, String rule, String message, Map<String, Object> details) {
        super(message);
        this.rule = rule;
        this.refusal = refusal;
        this.details = Map.copyOf(details);
    }

    public String rule() {
        return rule;
    }

    public Refusal refusal() {
        return refusal;
    }

    public Map<String, Object> details() {
        return details;
    }
}
