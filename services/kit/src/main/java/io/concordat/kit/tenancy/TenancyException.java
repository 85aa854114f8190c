package io.concordat.kit.tenancy;

/** The caller's token does not give them the tenant the request needs. Answered with 403. */
public class TenancyException extends RuntimeException {

    public TenancyException(String message) {
        super(message);
    }
}
