package io.concordat.partnerevents.store;

import io.concordat.events.EventEnvelope;
import io.concordat.kit.store.CurrentConnection;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** The log of events partners can be sent and can replay. */
@Singleton
public class EventLog {

    private static final String APPEND = """
            insert into event_log (event_id, topic, event_type, subject, authority_id, region_ids, occurred_at, data)
            values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (event_id) do nothing""";

    private final CurrentConnection current;

    public EventLog(CurrentConnection current) {
        this.current = current;
    }

    /** Appends the event inside the current tenant transaction. */
    public void append(String topic, EventEnvelope event) {
        Connection connection = current.get();
        try (PreparedStatement insert = connection.prepareStatement(APPEND)) {
            insert.setObject(1, event.id());
            insert.setString(2, topic);
            insert.setString(3, event.type());
            insert.setString(4, event.subject());
            insert.setObject(5, event.authorityId());
            insert.setArray(6, connection.createArrayOf("uuid", event.regionIds().toArray()));
            insert.setObject(7, event.time());
            insert.setBytes(8, event.data());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot log event " + event.id(), e);
        }
    }
}
