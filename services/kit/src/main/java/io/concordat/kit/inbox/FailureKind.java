package io.concordat.kit.inbox;

import io.concordat.events.MalformedEventException;

import java.sql.SQLException;

/**
 * Why an event could not be applied, and whether trying again could help. Only {@link #TRANSIENT}
 * failures (the database unreachable, a serialization failure or deadlock) are retried; every other
 * kind would fail the same way next time, so the event goes to the dead-letter topic at once.
 */
public enum FailureKind {
    /** The database could not be reached, or asked for the transaction to be tried again. */
    TRANSIENT("transient"),
    /** The record is not a CloudEvent, or its body is not its type's record. */
    UNDECODABLE("undecodable"),
    /** A unique, foreign-key, not-null or check constraint refused the write (SQLSTATE class 23). */
    CONSTRAINT("constraint"),
    /** Row-level security or a privilege refused the write (SQLSTATE 42501). */
    ROW_LEVEL_SECURITY("row-level-security"),
    /** The handler refused the event: a rule of the service, or any other error in its code or SQL. */
    RULE("rule");

    private final String label;

    FailureKind(String label) {
        this.label = label;
    }

    /** The word written in the dead-letter record's {@code concordat_dlt_kind} header. */
    public String label() {
        return label;
    }

    public boolean retried() {
        return this == TRANSIENT;
    }

    public static FailureKind of(Throwable failure) {
        if (Transience.isTransient(failure)) {
            return TRANSIENT;
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof MalformedEventException) {
                return UNDECODABLE;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                if (sql.getSQLState().startsWith("23")) {
                    return CONSTRAINT;
                }
                if (sql.getSQLState().equals("42501")) {
                    return ROW_LEVEL_SECURITY;
                }
            }
        }
        return RULE;
    }

    /** The failure in words for the dead-letter record: the kind and the innermost message. */
    public static String reason(Throwable failure) {
        Throwable root = failure;
        StringBuilder chain = new StringBuilder(String.valueOf(failure.getMessage()));
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
            if (root.getMessage() != null && !chain.toString().contains(root.getMessage())) {
                chain.append(": ").append(root.getMessage());
            }
        }
        String text = of(failure).label() + ": " + chain;
        return text.length() > 2000 ? text.substring(0, 2000) : text;
    }
}
