package io.concordat.partnerevents;

import io.concordat.partnerevents.app.PlatformClock;
import io.micronaut.context.annotation.Replaces;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The service's clock in the tests: real time plus an offset the test moves forward, so that a
 * day of retries passes in seconds. Kept across restarts of the service within a test.
 */
@Singleton
@Replaces(value = Clock.class, factory = PlatformClock.class)
public class ControlledClock extends Clock {

    private static final AtomicReference<Duration> AHEAD = new AtomicReference<>(Duration.ZERO);

    static void advance(Duration by) {
        AHEAD.updateAndGet(d -> d.plus(by));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(AHEAD.get());
    }
}
