package io.concordat.tenants.provisioning;

/** The identity provider could not carry out a provisioning step. */
public class ProvisioningException extends RuntimeException {

    /** Why: the provider did not answer, refused, or the first admin already signs in elsewhere. */
    public enum Failure { UNREACHABLE, REFUSED, ALREADY_SIGNS_IN }

    private final Failure failure;

    public ProvisioningException(String message, Throwable cause, boolean unreachable) {
        this(message, cause, unreachable ? Failure.UNREACHABLE : Failure.REFUSED);
    }

    public ProvisioningException(String message, Throwable cause, Failure failure) {
        super(message, cause);
        this.failure = failure;
    }

    /** True when the identity provider did not answer (worth retrying later), false when it refused. */
    public boolean unreachable() {
        return failure == Failure.UNREACHABLE;
    }

    public Failure failure() {
        return failure;
    }
}
