package io.concordat.tenants.domain;

import java.util.List;

/** A change that the current state does not allow; says which states or steps are allowed. */
public class LifecycleException extends TenantRuleException {

    public LifecycleException(String rule, String message, List<String> allowed) {
        super(Refusal.CONFLICT, rule, message, allowed);
    }
}
