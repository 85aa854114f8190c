package io.concordat.hosting.domain;

/** Input or a step that the rules of hosting arrangements do not allow; names the rule. */
public class HostingRuleException extends RuntimeException {

    private final String rule;

    public HostingRuleException(String rule, String message) {
        super(message);
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }
}
