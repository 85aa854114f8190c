package io.concordat.kit.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Reads a service's test database as the cluster's superuser, whom row-level security does not
 * limit: for tests that must see every row, e.g. to show that a refused request wrote nothing.
 */
public final class Superuser {

    private Superuser() {
    }

    public static long count(String database, String sql) {
        return Long.parseLong(query(database, sql));
    }

    /** The first column of the first row, as text; null when there is no row. */
    public static String query(String database, String sql) {
        try (Connection c = DriverManager.getConnection(TestServers.database(database).jdbcUrl(), "postgres", "");
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot query with: " + sql, e);
        }
    }
}
