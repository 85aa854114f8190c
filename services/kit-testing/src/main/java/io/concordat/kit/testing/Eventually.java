package io.concordat.kit.testing;

import java.time.Duration;
import java.util.function.Supplier;

/** Waits for an asynchronous effect (an event consumed, a read model updated) in a test. */
public final class Eventually {

    private Eventually() {
    }

    /** Polls until {@code check} returns true; fails with {@code what} after the timeout. */
    public static void until(String what, Duration timeout, Supplier<Boolean> check) {
        long deadline = System.nanoTime() + timeout.toNanos();
        RuntimeException last = null;
        while (System.nanoTime() < deadline) {
            try {
                if (Boolean.TRUE.equals(check.get())) {
                    return;
                }
            } catch (RuntimeException e) {
                last = e;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
        throw new AssertionError("not seen within " + timeout.toSeconds() + " s: " + what, last);
    }
}
