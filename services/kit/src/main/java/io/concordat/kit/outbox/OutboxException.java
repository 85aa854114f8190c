package io.concordat.kit.outbox;

/** The outbox could not be written or read. */
public class OutboxException extends RuntimeException {

    public OutboxException(String message, Throwable cause) {
        super(message, cause);
    }
}
