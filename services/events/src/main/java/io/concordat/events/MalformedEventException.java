package io.concordat.events;

/** A record on a Concordat topic that cannot be read as a Concordat event. */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
