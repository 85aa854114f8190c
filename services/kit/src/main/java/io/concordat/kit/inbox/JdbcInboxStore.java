package io.concordat.kit.inbox;

import io.concordat.kit.store.BatchedWrites;
import io.concordat.kit.store.CurrentConnection;
import io.concordat.kit.tenancy.TenantTransactions;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** {@link InboxStore} on {@code processed_event}, through the transaction's own connection. */
@Singleton
public class JdbcInboxStore implements InboxStore {

    private static final String CLAIM = """
            insert into processed_event (event_id, event_type, topic)
            select * from unnest(?::uuid[], ?::text[], ?::text[]) on conflict do nothing returning event_id""";
    private static final String SCOPE = """
            select set_config('%s', ?, true), set_config('%s', '', true)"""
            .formatted(TenantTransactions.TENANT_SETTING, TenantTransactions.PLATFORM_SETTING);
    private static final String PLATFORM = "select set_config('%s', 'on', true)".formatted(TenantTransactions.PLATFORM_SETTING);

    /** The advisory lock batches share and a swap of read models takes alone: (space, key). */
    public static final int LOCK_SPACE = 0x0c0e;
    public static final int BATCH_LOCK = 1;

    private final CurrentConnection connection;
    private final BatchedWrites writes;

    public JdbcInboxStore(CurrentConnection connection, BatchedWrites writes) {
        this.connection = connection;
        this.writes = writes;
    }

    @Override
    public void beginBatch() {
        writes.open();
        try (PreparedStatement lock = connection.get().prepareStatement("select pg_advisory_xact_lock_shared(?, ?)")) {
            lock.setInt(1, LOCK_SPACE);
            lock.setInt(2, BATCH_LOCK);
            lock.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot begin a batch", e);
        }
    }

    @Override
    public Set<UUID> claim(List<Delivered> events) {
        Set<UUID> fresh = new HashSet<>();
        if (events.isEmpty()) {
            return fresh;
        }
        Connection c = connection.get();
        try (PreparedStatement insert = c.prepareStatement(CLAIM)) {
            insert.setArray(1, c.createArrayOf("uuid", events.stream().map(d -> d.event().id()).toArray()));
            insert.setArray(2, c.createArrayOf("text", events.stream().map(d -> d.event().type()).toArray()));
            insert.setArray(3, c.createArrayOf("text", events.stream().map(Delivered::topic).toArray()));
            try (ResultSet rs = insert.executeQuery()) {
                while (rs.next()) {
                    fresh.add(rs.getObject(1, UUID.class));
                }
            }
            return fresh;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record " + events.size() + " events as processed", e);
        }
    }

    @Override
    public void forget(UUID eventId) {
        try (PreparedStatement delete = connection.get().prepareStatement("delete from processed_event where event_id = ?")) {
            delete.setObject(1, eventId);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot forget event " + eventId, e);
        }
    }

    @Override
    public void actFor(UUID authorityId) {
        try (PreparedStatement set = connection.get().prepareStatement(SCOPE)) {
            set.setString(1, authorityId.toString());
            set.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot act for authority " + authorityId, e);
        }
    }

    @Override
    public void actForPlatform() {
        try (PreparedStatement set = connection.get().prepareStatement(PLATFORM)) {
            set.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot act for the platform", e);
        }
    }

    @Override
    public void flushWrites() {
        writes.flush();
    }

    @Override
    public void dropWrites() {
        writes.drop();
    }

    @Override
    public void endBatch() {
        writes.close();
    }

    @Override
    public Object mark() {
        try {
            return connection.get().setSavepoint();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot set a savepoint", e);
        }
    }

    @Override
    public void rollbackTo(Object mark) {
        try {
            connection.get().rollback((Savepoint) mark);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot roll back to a savepoint", e);
        }
    }

    @Override
    public void release(Object mark) {
        try {
            connection.get().releaseSavepoint((Savepoint) mark);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot release a savepoint", e);
        }
    }
}
