package io.concordat.partnerevents.app;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;

/** The clock deliveries and retries are timed by; tests put one they control in its place. */
@Factory
public class PlatformClock {

    @Singleton
    public Clock clock() {
        return Clock.systemUTC();
    }
}
