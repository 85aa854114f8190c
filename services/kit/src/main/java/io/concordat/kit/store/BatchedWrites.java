package io.concordat.kit.store;

import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes that an event consumer's batch gathers and sends when the batch asks ({@link #flush}):
 * every row gathered for a statement goes in one execution of it, its columns bound as arrays,
 * instead of one execution per event. PostgreSQL's cost of a statement is mostly per execution,
 * so a multi-row statement applies rows about four times as fast as a JDBC batch of one-row ones.
 *
 * <p>Only for writes whose rows come out the same whichever order they run in relative to the
 * handlers' other statements: an upsert keyed by the fact that keeps the latest by a timestamp of
 * its own, or an insert of a fact by its id. Rows of the same statement keep their order, as
 * {@code arrival} (the ordinality of the arrays): a statement that may meet one key twice in a
 * flush must itself keep the row the one-row form would have left, with
 * {@code distinct on (key) ... order by key, <what wins> desc, arrival desc}, since PostgreSQL
 * refuses to upsert one row twice in a statement. Outside a batch (no {@link #open} on this thread)
 * a write runs at once, as a statement of one row.
 */
@Singleton
public class BatchedWrites {

    /**
     * A statement whose rows come from {@code unnest(?::type[], ...) with ordinality as
     * r(columns..., arrival)}; {@code types} names each array parameter's element type, in order.
     */
    public record Rows(String sql, List<String> types) {
        public Rows {
            types = List.copyOf(types);
        }
    }

    /** A multi-row statement with an array parameter of each of {@code types}, in order. */
    public static Rows rows(String sql, String... types) {
        return new Rows(sql, List.of(types));
    }

    private final CurrentConnection connection;
    private final ThreadLocal<Map<Rows, List<Object[]>>> pending = new ThreadLocal<>();

    public BatchedWrites(CurrentConnection connection) {
        this.connection = connection;
    }

    /** Writes one row of {@code statement}, at the next {@link #flush} inside a batch, else now. */
    public void write(Rows statement, Object... row) {
        if (row.length != statement.types().size()) {
            throw new IllegalArgumentException("a row of " + statement.types().size() + " columns, not " + row.length);
        }
        Map<Rows, List<Object[]>> open = pending.get();
        if (open == null) {
            execute(connection.get(), statement, List.<Object[]>of(row));
        } else {
            open.computeIfAbsent(statement, s -> new ArrayList<>()).add(row);
        }
    }

    /** Starts gathering this thread's writes, forgetting any left from before. */
    public void open() {
        pending.set(new LinkedHashMap<>());
    }

    /** Whether writes are waiting for {@link #flush}. */
    public boolean waiting() {
        Map<Rows, List<Object[]>> open = pending.get();
        return open != null && !open.isEmpty();
    }

    /**
     * Sends the gathered writes through the current transaction's connection, one execution per
     * statement in the order each was first written, and keeps gathering.
     *
     * @throws IllegalStateException when a statement fails; its cause is the driver's exception
     */
    public void flush() {
        Map<Rows, List<Object[]>> open = pending.get();
        if (open == null || open.isEmpty()) {
            return;
        }
        Connection c = connection.get();
        try {
            for (Map.Entry<Rows, List<Object[]>> statement : open.entrySet()) {
                execute(c, statement.getKey(), statement.getValue());
            }
        } finally {
            open.clear();
        }
    }

    private static void execute(Connection c, Rows statement, List<Object[]> rows) {
        try (PreparedStatement write = c.prepareStatement(statement.sql())) {
            for (int column = 0; column < statement.types().size(); column++) {
                Object[] values = new Object[rows.size()];
                for (int row = 0; row < values.length; row++) {
                    values[row] = element(rows.get(row)[column]);
                }
                write.setArray(column + 1, c.createArrayOf(statement.types().get(column), values));
            }
            write.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("write of " + rows.size() + " rows failed: " + firstLine(statement.sql()), e);
        }
    }

    /** Dates and times as ISO text, which PostgreSQL reads into any date or time array. */
    private static Object element(Object value) {
        if (value instanceof Temporal || value instanceof java.sql.Date) {
            return value.toString();
        }
        return value;
    }

    /** Forgets the writes gathered since the last flush: the record that made them was rolled back. */
    public void drop() {
        Map<Rows, List<Object[]>> open = pending.get();
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
