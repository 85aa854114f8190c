package io.concordat.tenants.domain;

/** A registration that breaks a rule of what an authority or region must be. */
public class InvalidRegistrationException extends RuntimeException {

    private final String rule;

    public InvalidRegistrationException(String rule, String message) {
        super(message);
        this.rule = rule;
    }

    /** A short stable name of the broken rule, e.g. {@code malformed-gss-code}. */
    public String rule() {
        return rule;
    }
}
