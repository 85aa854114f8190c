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
        try (Connection c = DriverManager.getConnection(TestServers.database(database).jdbcUrl(), "postgres", "");
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count with: " + sql, e);
        }
    }
}
