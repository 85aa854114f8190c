package io.concordat.kit.store;

import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes that an event consumer's batch gathers and sends as JDBC batches, one per statement, when
 * the batch asks ({@link #flush}), instead of one round trip per event. Only for writes whose rows
 * come out the same whichever order they run in relative to the handlers' other statements: an
 * upsert keyed by the fact that keeps the latest by a timestamp of its own, or an insert of a fact
 * by its id. Statements of the same text keep their order. Outside a batch (no {@link #open} on
 * this thread) a write runs at once.
 */
@Singleton
public class BatchedWrites {

    private final CurrentConnection connection;
    private final ThreadLocal<Map<String, List<Object[]>>> pending = new ThreadLocal<>();

    public BatchedWrites(CurrentConnection connection) {
        this.connection = connection;
    }

    /** Runs {@code sql} with its parameters, at the next {@link #flush} inside a batch, else now. */
    public void write(String sql, Object... parameters) {
        Map<String, List<Object[]>> open = pending.get();
        if (open == null) {
            Sql.update(connection.get(), sql, parameters);
        } else {
            open.computeIfAbsent(sql, s -> new ArrayList<>()).add(parameters);
        }
    }

    /** Starts gathering this thread's writes, forgetting any left from before. */
    public void open() {
        pending.set(new LinkedHashMap<>());
    }

    /** Whether writes are waiting for {@link #flush}. */
    public boolean waiting() {
        Map<String, List<Object[]>> open = pending.get();
        return open != null && !open.isEmpty();
    }

    /**
     * Sends the gathered writes through the current transaction's connection, a JDBC batch per
     * statement, and keeps gathering.
     *
     * @throws IllegalStateException when a statement fails; its cause is the driver's exception
     */
    public void flush() {
        Map<String, List<Object[]>> open = pending.get();
        if (open == null || open.isEmpty()) {
            return;
        }
        Connection c = connection.get();
        try {
            for (Map.Entry<String, List<Object[]>> statement : open.entrySet()) {
                try (PreparedStatement batch = c.prepareStatement(statement.getKey())) {
                    for (Object[] parameters : statement.getValue()) {
                        for (int i = 0; i < parameters.length; i++) {
                            batch.setObject(i + 1, parameters[i]);
                        }
                        batch.addBatch();
                    }
                    batch.executeBatch();
                } catch (SQLException e) {
                    // the driver's batch exception says little; the statement's own failure carries the SQLSTATE
                    SQLException cause = e.getNextException() != null ? e.getNextException() : e;
                    throw new IllegalStateException("batched update failed: " + firstLine(statement.getKey()), cause);
                }
            }
        } finally {
            open.clear();
        }
    }

    /** Forgets the writes gathered since the last flush: the record that made them was rolled back. */
    public void drop() {
        Map<String, List<Object[]>> open = pending.get();
        if (open != null) {
            open.clear();
        }
    }

    /** Stops gathering: later writes on this thread run at once. */
    public void close() {
        pending.remove();
    }

    private static String firstLine(String sql) {
        String trimmed = sql.strip();
        int newline = trimmed.indexOf('\n');
        return newline < 0 ? trimmed : trimmed.substring(0, newline);
    }
}
