package io.concordat.servers;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** Waits for a server to become ready, reporting progress and failing fast if it died. */
public final class Waiting {

    private Waiting() {
    }

    /**
     * Polls {@code ready} until it is true.
     *
     * @param progress told the seconds waited so far, about once a second
     * @throws IllegalStateException when {@code alive} turns false or the timeout passes
     */
    public static void until(String what, Duration timeout, BooleanSupplier alive, BooleanSupplier ready,
                             Progress progress) {
        Instant start = Instant.now();
        Instant deadline = start.plus(timeout);
        long lastReport = -1;
        while (!ready.getAsBoolean()) {
            if (!alive.getAsBoolean()) {
                throw new IllegalStateException(what + " stopped while starting");
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(what + " not ready after " + timeout.toSeconds() + " s");
            }
            long waited = Duration.between(start, Instant.now()).toSeconds();
            if (waited != lastReport) {
                progress.waited(waited);
                lastReport = waited;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for " + what, e);
            }
        }
    }

    /** Receives the seconds waited so far while a server starts. */
    @FunctionalInterface
    public interface Progress {
        Progress SILENT = seconds -> { };

        void waited(long seconds);
    }
}
