package io.concordat.tenants.domain;

import java.util.List;

/** A change that the current state does not allow; says which states or steps are allowed. */
public class LifecycleException extends RuntimeException {

    private final String rule;
    private final List<String> allowed;

    public LifecycleException(String rule, String message, List<String> allowed) {
        super(message);
        this.rule = rule;
        this.allowed = List.copyOf(allowed);
    }

    public String rule() {
        return rule;
    }

    public List<String> allowed() {
        return allowed;
    }
}
