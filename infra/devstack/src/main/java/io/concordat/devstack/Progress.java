package io.concordat.devstack;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;

/** Tells the person starting the stack what is happening, step by step, with times. */
final class Progress {

    private final PrintStream out;
    private final Instant start = Instant.now();
    private final int steps;
    private int step;

    Progress(PrintStream out, int steps) {
        this.out = out;
        this.steps = steps;
    }

    void step(String what) {
        step++;
        out.printf("[%d/%d] %s%n", step, steps, what);
    }

    void done(String what, Instant since) {
        out.printf("      %s (%.1f s)%n", what, Duration.between(since, Instant.now()).toMillis() / 1000.0);
    }

    void note(String what) {
        out.println("      " + what);
    }

    /** A heartbeat for long waits: one line every {@code every} seconds. */
    io.concordat.servers.Waiting.Progress waiting(String what, int every) {
        return seconds -> {
            if (seconds > 0 && seconds % every == 0) {
                out.printf("      ... %s, %d s%n", what, seconds);
            }
        };
    }

    Duration elapsed() {
        return Duration.between(start, Instant.now());
    }
}
