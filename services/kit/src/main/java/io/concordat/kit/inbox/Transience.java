package io.concordat.kit.inbox;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

/** Tells a failure of the database's availability from a failure of the work itself. */
public final class Transience {

    private Transience() {
    }

    /**
     * True when the failure says the database could not be reached or asked for a retry
     * (connection errors, SQLSTATE class 08, operator intervention 57P, serialization and deadlock, a
     * lock not had within the transaction's {@code lock_timeout}, 55P03).
     */
    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException || t instanceof ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.startsWith("57P") || state.equals("40001") || state.equals("40P01")
                    || state.equals("55P03")) {
                    return true;
                }
            }
        }
        return false;
    }
}
