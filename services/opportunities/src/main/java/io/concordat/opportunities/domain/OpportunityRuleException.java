package io.concordat.opportunities.domain;

import java.util.Map;

/**
 * The one exception of the opportunities domain: a rule the request breaks, named by a short
 * stable slug (e.g. {@code council-not-taking-part}). Its kind says whose the fault is, so that
 * it is answered once, in one place, with the right status.
 */
public class OpportunityRuleException extends RuntimeException {

    /** What kind of rule was broken. */
    public enum Kind {
        /** The input itself is malformed or out of range. */
        INVALID,
        /** The caller's council may not do this. */
        NOT_ALLOWED,
        /** Not now: the opportunity or vacancy is not in a state that allows it. */
        CONFLICT,
        /** Well-formed, but names something the rules do not accept (e.g. a council not taking part). */
        UNPROCESSABLE
    }

    private final String rule;
    private final Kind kind;
    private final Map<String, Object> details;

    public OpportunityRuleException(String rule, String message) {
        this(Kind.CONFLICT, rule, message, Map.of());
    }

    public OpportunityRuleException(Kind kind, String rule, String message) {
        this(kind, rule, message, Map.of());
    }

    public OpportunityRuleException(Kind kind, String rule, String message, Map<String, Object> details) {
        super(message);
        this.kind = kind;
        this.rule = rule;
        this.details = Map.copyOf(details);
    }

    /** A short stable name of the broken rule, e.g. {@code unknown-service-area}. */
    public String rule() {
        return rule;
    }

    public Kind kind() {
        return kind;
    }

    /** Further facts for the caller, e.g. {@code allowed} stages or the {@code authorities} concerned. */
    public Map<String, Object> details() {
        return details;
    }
}
