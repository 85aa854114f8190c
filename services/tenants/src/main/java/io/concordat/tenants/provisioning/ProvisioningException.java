package io.concordat.tenants.provisioning;

/** The identity provider could not carry out a provisioning step. */
public class ProvisioningException extends RuntimeException {

    private final boolean unreachable;

    public ProvisioningException(String message, Throwable cause, boolean unreachable) {
        super(message, cause);
        this.unreachable = unreachable;
    }

    /** True when the identity provider did not answer (worth retrying later), false when it refused. */
    public boolean unreachable() {
        return unreachable;
    }
}
