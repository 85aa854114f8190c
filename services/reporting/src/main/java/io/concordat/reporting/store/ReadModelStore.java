package io.concordat.reporting.store;

import io.concordat.kit.store.CurrentConnection;
import io.concordat.kit.store.Sql;
import jakarta.inject.Singleton;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Empties, versions and fingerprints the read models, for rebuilding them from the topics. */
@Singleton
public class ReadModelStore {

    /**
     * Every table built from events, directory copies included; the fingerprint covers each. The
     * directory copies are the live consumer's alone: a rebuild leaves them as they are.
     */
    public static final List<String> TABLES = List.of("known_authority", "known_region", "region_membership",
            "rpt_opportunity", "rpt_projected_saving", "rpt_recommendation", "rpt_decision", "rpt_vacancy",
            "rpt_arrangement", "rpt_arrangement_reader", "rpt_recipient", "rpt_saving", "rpt_recharge", "rpt_indicator_reading",
            "rpt_indicator_latest", "rpt_review");

    private final CurrentConnection connection;

    public ReadModelStore(CurrentConnection connection) {
        this.connection = connection;
    }

    /** The last build: which projection version, when it started, when (if) it finished. */
    public record Build(int version, Instant startedAt, Instant finishedAt) {
    }

    public Optional<Build> build() {
        return Sql.query(connection.get(), "select version, started_at, finished_at from read_model_build where id = 1",
                rs -> new Build(rs.getInt(1), rs.getTimestamp(2).toInstant(),
                        rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant())).stream().findFirst();
    }

    /** Records that a build of this version has begun. */
    public void started(int version, Instant startedAt) {
        Sql.update(connection.get(), """
                insert into read_model_build (id, version, started_at) values (1, ?, ?)
                on conflict (id) do update set version = excluded.version, started_at = excluded.started_at, finished_at = null""",
                version, Timestamp.from(startedAt));
    }

    /** An empty shadow of every read model, {@code read_models_next}, to rebuild into. */
    public void prepareShadow() {
        Sql.query(connection.get(), "select reporting_prepare_shadow()", rs -> 1);
    }

    /** Puts the shadow in place of the current read models when the caller's transaction commits. */
    public void swap() {
        Sql.query(connection.get(), "select reporting_swap_read_models()", rs -> 1);
    }

    public void dropOld() {
        Sql.query(connection.get(), "select reporting_drop_old_read_models()", rs -> 1);
    }

    /** Whether some session holds the advisory lock (space, key). */
    public boolean rebuildLockHeld(int space, int key) {
        return Sql.query(connection.get(), """
                select exists (select 1 from pg_locks where locktype = 'advisory' and granted
                               and classid = ?::oid and objid = ?::oid and objsubid = 2)""",
                rs -> rs.getBoolean(1), (long) space, (long) key).get(0);
    }

    public void finished(Instant at) {
        Sql.update(connection.get(), "update read_model_build set finished_at = ? where id = 1", Timestamp.from(at));
    }

    /** A table's row count and a digest of its rows in a fixed order. */
    public record Fingerprint(String table, long rows, String md5) {
    }

    /** Fingerprints every read model; run as the platform, which sees every row. */
    public List<Fingerprint> fingerprints() {
        return TABLES.stream().map(table -> Sql.query(connection.get(),
                "select count(*), md5(coalesce(string_agg(t::text, E'\\n' order by t::text), '')) from " + table + " t",
                rs -> new Fingerprint(table, rs.getLong(1), rs.getString(2))).get(0)).toList();
    }
}
