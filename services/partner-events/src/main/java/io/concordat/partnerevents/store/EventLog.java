package io.concordat.partnerevents.store;

import io.concordat.events.EventEnvelope;
import io.concordat.kit.store.CurrentConnection;
import io.concordat.partnerevents.domain.LoggedEvent;
import jakarta.inject.Singleton;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The log of events partners can be sent and can replay, in the order they were logged. */
@Singleton
public class EventLog {

    private static final String APPEND = """
            insert into event_log (event_id, topic, event_type, source, subject, authority_id, region_ids, occurred_at,
                                   data, service_area)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (event_id) do nothing""";
    private static final String COLUMNS = """
            select position, event_id, topic, event_type, source, subject, authority_id, region_ids, service_area,
                   occurred_at, data from event_log""";

    /** The advisory lock that orders appends to the log ("event_log" in ASCII). */
    static final long APPEND_LOCK = 0x6576656e745f6c6fL;

    private final CurrentConnection current;

    public EventLog(CurrentConnection current) {
        this.current = current;
    }

    /**
     * Takes the log's append lock for the rest of the current transaction. Positions come from a
     * sequence, so two transactions appending at once could commit out of position order, and the
     * fan-out and the stream, which read on from the last position seen, would pass over the one
     * committed later for good. Every appender (each consumer worker of each replica) takes this
     * lock before it writes anything, so appends commit one transaction after another, in position
     * order, and no reader ever sees a position before one still to come.
     */
    public void holdAppendOrder() {
        try (PreparedStatement lock = current.get().prepareStatement("select pg_advisory_xact_lock(?)")) {
            lock.setLong(1, APPEND_LOCK);
            lock.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot take the event log's append lock", e);
        }
    }

    /** Appends the event inside the current transaction, which holds the append lock ({@link #holdAppendOrder()}). */
    public void append(String topic, EventEnvelope event, String serviceArea) {
        Connection connection = current.get();
        try (PreparedStatement insert = connection.prepareStatement(APPEND)) {
            insert.setObject(1, event.id());
            insert.setString(2, topic);
            insert.setString(3, event.type());
            insert.setString(4, event.source());
            insert.setString(5, event.subject());
            insert.setObject(6, event.authorityId());
            insert.setArray(7, connection.createArrayOf("uuid", event.regionIds().toArray()));
            insert.setObject(8, event.time());
            insert.setBytes(9, event.data());
            insert.setString(10, serviceArea);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot log event " + event.id(), e);
        }
    }

    /** Events after a position, oldest first, logged at or after {@code notBefore}. */
    public List<LoggedEvent> after(long position, OffsetDateTime notBefore, int limit) {
        return query(COLUMNS + " where position > ? and occurred_at >= ? order by position limit ?", s -> {
            s.setLong(1, position);
            s.setObject(2, notBefore);
            s.setInt(3, limit);
        });
    }

    public List<LoggedEvent> at(List<Long> positions) {
        return query(COLUMNS + " where position = any(?) order by position",
                s -> s.setArray(1, current.get().createArrayOf("bigint", positions.toArray())));
    }

    /** The position of an event, if it is in the log. */
    public Optional<Long> positionOf(UUID eventId) {
        return query(COLUMNS + " where event_id = ?", s -> s.setObject(1, eventId)).stream()
                .map(LoggedEvent::position).findFirst();
    }

    /** The position just before the first event that happened at or after the time. */
    public long positionBefore(OffsetDateTime time) {
        try (PreparedStatement s = current.get().prepareStatement(
                "select coalesce(min(position), (select coalesce(max(position), 0) + 1 from event_log)) - 1 "
                        + "from event_log where occurred_at >= ?")) {
            s.setObject(1, time);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the event log", e);
        }
    }

    public long lastPosition() {
        try (PreparedStatement s = current.get().prepareStatement("select coalesce(max(position), 0) from event_log");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the event log", e);
        }
    }

    private interface Binder {
        void bind(PreparedStatement s) throws SQLException;
    }

    private List<LoggedEvent> query(String sql, Binder binder) {
        try (PreparedStatement s = current.get().prepareStatement(sql)) {
            binder.bind(s);
            List<LoggedEvent> events = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    events.add(new LoggedEvent(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getObject(7, UUID.class),
                            uuids(rs.getArray(8)), rs.getString(9), rs.getObject(10, OffsetDateTime.class),
                            rs.getBytes(11)));
                }
            }
            return events;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the event log", e);
        }
    }

    static List<UUID> uuids(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((UUID[]) array.getArray());
    }
}
