package io.concordat.reporting.store;

import io.concordat.kit.store.CurrentConnection;
import io.concordat.kit.store.Sql;
import io.concordat.reporting.domain.AuditEntry;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The audit trail's rows. Appends are serialised by a transaction-scoped advisory lock, so two
 * appends never take the same sequence number or link to the same entry. The reads that verify
 * the trail take a plain connection, so that the verifying command uses them as the service does.
 */
@Singleton
public class AuditTrailStore {

    private static final String COLUMNS =
            "sequence, event_id, event_type, authority_id, subject, occurred_at, data, previous_hash, hash";
    private static final long APPEND_LOCK = 0x417564697454726CL; // "AuditTrl"

    private final CurrentConnection connection;

    public AuditTrailStore(CurrentConnection connection) {
        this.connection = connection;
    }

    /** Takes the lock that orders appends until the transaction ends. */
    public void lockForAppend() {
        Sql.query(connection.get(), "select pg_advisory_xact_lock(?)", rs -> 1, APPEND_LOCK);
    }

    public boolean recorded(UUID eventId) {
        return !Sql.query(connection.get(), "select 1 from audit_entry where event_id = ?", rs -> 1, eventId).isEmpty();
    }

    public Optional<AuditEntry> last() {
        return Sql.query(connection.get(), "select " + COLUMNS + " from audit_entry order by sequence desc limit 1",
                AuditTrailStore::entry).stream().findFirst();
    }

    /** Appends an entry that the given authorities (besides the platform) may read. */
    public void append(AuditEntry e, Collection<UUID> parties) {
        Sql.update(connection.get(), "insert into audit_entry (" + COLUMNS + ", party_ids) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                e.sequence(), e.eventId(), e.eventType(), e.authorityId(), e.subject(), Timestamp.from(e.occurredAt()),
                e.data(), e.previousHash(), e.hash(), parties.toArray(new UUID[0]));
    }

    /** The entries the current tenant may read (its own; all for the platform), oldest first. */
    public List<AuditEntry> visible() {
        return Sql.query(connection.get(), "select " + COLUMNS + " from audit_entry order by sequence", AuditTrailStore::entry);
    }

    /** The last entry recorded before an instant, and how many there were: what a day's anchor commits to. */
    public Optional<AuditEntry> lastRecordedBefore(Instant end) {
        return Sql.query(connection.get(), "select " + COLUMNS + " from audit_entry where recorded_at < ? order by sequence desc limit 1",
                AuditTrailStore::entry, Timestamp.from(end)).stream().findFirst();
    }

    public boolean anchored(LocalDate day) {
        return !Sql.query(connection.get(), "select 1 from audit_anchor where day = ?", rs -> 1, day).isEmpty();
    }

    public void anchor(LocalDate day, long lastSequence, String hash, long entries, Instant at) {
        Sql.update(connection.get(), "insert into audit_anchor (day, last_sequence, hash, entries, anchored_at) values (?, ?, ?, ?, ?)",
                day, lastSequence, hash, entries, Timestamp.from(at));
    }

    /** Every entry in order of sequence, read as the platform on the given connection. */
    public static List<AuditEntry> chain(Connection connection) {
        return Sql.query(connection, "select " + COLUMNS + " from audit_entry order by sequence", AuditTrailStore::entry);
    }

    /** Every published anchor: the sequence it names, and the hash it recorded. */
    public static Map<Long, String> anchors(Connection connection) {
        Map<Long, String> anchors = new LinkedHashMap<>();
        Sql.query(connection, "select last_sequence, hash from audit_anchor where last_sequence > 0 order by day",
                rs -> anchors.put(rs.getLong(1), rs.getString(2)));
        return anchors;
    }

    private static AuditEntry entry(ResultSet rs) throws SQLException {
        return new AuditEntry(rs.getLong("sequence"), rs.getObject("event_id", UUID.class), rs.getString("event_type"),
                rs.getObject("authority_id", UUID.class), rs.getString("subject"),
                rs.getTimestamp("occurred_at").toInstant(), rs.getBytes("data"), rs.getString("previous_hash"),
                rs.getString("hash"));
    }
}
