package io.concordat.kit.inbox;

import io.concordat.events.MalformedEventException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FailureKindTest {

    private static RuntimeException wrapped(String sqlState) {
        return new IllegalStateException("cannot store", new SQLException("refused", sqlState));
    }

    @Test
    void aLostConnectionASerializationFailureAndADeadlockAreRetried() {
        assertTrue(FailureKind.of(wrapped("08006")).retried());
        assertTrue(FailureKind.of(wrapped("40001")).retried());
        assertTrue(FailureKind.of(wrapped("40P01")).retried());
        assertTrue(FailureKind.of(wrapped("57P01")).retried());
    }

    @Test
    void aConstraintViolationIsPermanent() {
        assertEquals(FailureKind.CONSTRAINT, FailureKind.of(wrapped("23505")));
        assertEquals(FailureKind.CONSTRAINT, FailureKind.of(wrapped("23503")));
        assertFalse(FailureKind.CONSTRAINT.retried());
    }

    @Test
    void aRowLevelSecurityRefusalIsPermanent() {
        assertEquals(FailureKind.ROW_LEVEL_SECURITY, FailureKind.of(wrapped("42501")));
        assertFalse(FailureKind.ROW_LEVEL_SECURITY.retried());
    }

    @Test
    void anUndecodablePayloadIsPermanent() {
        assertEquals(FailureKind.UNDECODABLE,
                FailureKind.of(new MalformedEventException("not a vacancy", new IllegalArgumentException())));
    }

    @Test
    void aHandlersRuleErrorIsPermanent() {
        assertEquals(FailureKind.RULE, FailureKind.of(new IllegalArgumentException("a recipient cannot host itself")));
        assertFalse(FailureKind.RULE.retried());
    }

    @Test
    void theReasonNamesTheKindAndTheInnermostMessage() {
        String reason = FailureKind.reason(wrapped("42501"));
        assertTrue(reason.startsWith("row-level-security: cannot store"), reason);
        assertTrue(reason.contains("refused"), reason);
    }
}
