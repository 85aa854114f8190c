package io.concordat.tenants.domain;

import java.util.List;

/** A registration that breaks a rule of what an authority or region must be. */
public class InvalidRegistrationException extends TenantRuleException {

    public InvalidRegistrationException(String rule, String message) {
        super(Refusal.INVALID, rule, message, List.of());
    }
}
