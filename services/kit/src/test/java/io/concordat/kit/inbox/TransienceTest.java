package io.concordat.kit.inbox;

import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TransienceTest {

    @Test
    void anUnreachableDatabaseIsTransientWhereverItSitsInTheCauseChain() {
        assertTrue(Transience.isTransient(new IllegalStateException("wrapped",
                new SQLTransientConnectionException("pool timed out"))));
        assertTrue(Transience.isTransient(new RuntimeException(new ConnectException("refused"))));
        assertTrue(Transience.isTransient(new SQLException("the server closed the connection", "08006")));
        assertTrue(Transience.isTransient(new SQLException("terminating connection due to administrator command", "57P01")));
        assertTrue(Transience.isTransient(new SQLException("could not serialize access", "40001")));
        assertTrue(Transience.isTransient(new SQLException("canceling statement due to lock timeout", "55P03")));
    }

    @Test
    void aBrokenRuleOrBadDataIsNotTransient() {
        assertFalse(Transience.isTransient(new SQLException("duplicate key value", "23505")));
        assertFalse(Transience.isTransient(new IllegalArgumentException("not a UUID")));
        assertFalse(Transience.isTransient(new SQLException("no state")));
    }
}
