package io.concordat.kit.inbox;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RetryBackoffTest {

    @Test
    void eachConsecutiveFailureDoublesThePauseUpToTheMaximum() {
        RetryBackoff backoff = new RetryBackoff(Duration.ofMillis(200), Duration.ofSeconds(1));
        assertEquals(Duration.ofMillis(200), backoff.failed());
        assertEquals(Duration.ofMillis(400), backoff.failed());
        assertEquals(Duration.ofMillis(800), backoff.failed());
        assertEquals(Duration.ofSeconds(1), backoff.failed());
        assertEquals(Duration.ofSeconds(1), backoff.failed());
        assertEquals(5, backoff.consecutiveFailures());
    }

    @Test
    void aSuccessStartsAgainFromTheFirstPause() {
        RetryBackoff backoff = new RetryBackoff(Duration.ofMillis(200), Duration.ofSeconds(1));
        backoff.failed();
        backoff.failed();
        backoff.succeeded();
        assertEquals(Duration.ofMillis(200), backoff.failed());
    }

    @Test
    void aMaximumBelowTheFirstPauseIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RetryBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)));
    }
}
