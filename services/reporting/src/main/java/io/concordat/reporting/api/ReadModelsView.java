package io.concordat.reporting.api;

import io.concordat.reporting.app.ReadModels;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/**
 * The read models' state: the last build (none before the first), whether a rebuild is under way,
 * and each table's fingerprint.
 */
@Serdeable
public record ReadModelsView(Build build, boolean rebuilding, List<Fingerprint> tables) {

    static ReadModelsView of(ReadModels.Status status) {
        return new ReadModelsView(status.build() == null ? null : new Build(status.build().version(),
                status.build().startedAt(), status.build().finishedAt()), status.rebuilding(),
                status.tables().stream().map(t -> new Fingerprint(t.table(), t.rows(), t.md5())).toList());
    }

    /** A build of the read models from offset 0; unfinished while it catches up. */
    @Serdeable
    public record Build(int version, Instant startedAt, Instant finishedAt) {
    }

    /** A table's row count and digest, to compare two builds. */
    @Serdeable
    public record Fingerprint(String table, long rows, String md5) {
    }
}
