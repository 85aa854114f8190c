package io.concordat.partnerevents.domain;

import java.time.Duration;
import java.util.List;
import java.util.function.DoubleSupplier;

/**
 * When a failed webhook delivery is tried again: exponential backoff from 5 seconds, doubling up
 * to a ceiling of 12 hours, each wait spread by ±20% jitter so that endpoints coming back are not
 * hit by every sender at once. The attempts span a little over three days before a delivery is
 * given up as failed and its subscription paused.
 */
public final class RetrySchedule {

    /** The nominal waits before the 2nd, 3rd, ... attempts. */
    public static final List<Duration> WAITS;

    static {
        java.util.ArrayList<Duration> waits = new java.util.ArrayList<>();
        Duration wait = Duration.ofSeconds(5);
        Duration total = Duration.ZERO;
        Duration ceiling = Duration.ofHours(12);
        while (total.compareTo(Duration.ofDays(3)) < 0) {
            waits.add(wait);
            total = total.plus(wait);
            wait = wait.multipliedBy(2).compareTo(ceiling) > 0 ? ceiling : wait.multipliedBy(2);
        }
        WAITS = List.copyOf(waits);
    }

    private final DoubleSupplier random;

    /** @param random uniform in [0, 1): the jitter's source */
    public RetrySchedule(DoubleSupplier random) {
        this.random = random;
    }

    /** The wait after the given failed attempt (1 for the first), or empty when no attempt is left. */
    public java.util.Optional<Duration> after(int failedAttempts) {
        if (failedAttempts < 1 || failedAttempts > WAITS.size()) {
            return java.util.Optional.empty();
        }
        Duration nominal = WAITS.get(failedAttempts - 1);
        double factor = 0.8 + 0.4 * random.getAsDouble();
        return java.util.Optional.of(Duration.ofMillis(Math.round(nominal.toMillis() * factor)));
    }

    /** How many attempts a delivery gets in all. */
    public static int attempts() {
        return WAITS.size() + 1;
    }
}
