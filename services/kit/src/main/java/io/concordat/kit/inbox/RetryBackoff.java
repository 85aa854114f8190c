package io.concordat.kit.inbox;

import java.time.Duration;

/**
 * The pause before trying a batch again after a transient failure: {@code first}, doubling with
 * each consecutive failure, never more than {@code max}; a success starts again from {@code first}.
 */
public final class RetryBackoff {

    private final Duration first;
    private final Duration max;
    private int failures;

    public RetryBackoff(Duration first, Duration max) {
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < first <= max, got " + first + " and " + max);
        }
        this.first = first;
        this.max = max;
    }

    /** Records a failure and returns how long to wait before the next attempt. */
    public Duration failed() {
        failures++;
        Duration wait = first;
        for (int i = 1; i < failures && wait.compareTo(max) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(max) > 0 ? max : wait;
    }

    public void succeeded() {
        failures = 0;
    }

    public int consecutiveFailures() {
        return failures;
    }
}
