package io.concordat.tenants.provisioning;

/** The identity provider could not carry out a provisioning step. */
public class ProvisioningException extends RuntimeException {

    /**
     * Why: the provider did not answer, refused, the first admin already signs in elsewhere, or a
     * person invited is already one of the council's people or signs in for another council, or an
     * identity provider's metadata that could not be fetched or read.
     */
    public enum Failure { UNREACHABLE, REFUSED, ALREADY_SIGNS_IN, ALREADY_INVITED, ALREADY_LINKED, METADATA_UNUSABLE }

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
