package io.concordat.kit.testing;

import io.concordat.servers.PostgresServer;
import org.flywaydb.core.Flyway;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * A service's schema brought to a chosen version, as a deployment would (the owner runs the kit's
 * migrations, then the service's), for tests that put data in at one version and check it after
 * the next: existing data must move forward, under the same row-level security as in production.
 */
public final class Migrations {

    private Migrations() {
    }

    /** A new, empty database of the service's shape on the shared test server. */
    public static PostgresServer.ServiceDatabase freshDatabase(String service) {
        return TestServers.database(service + "_migration_" + Long.toHexString(System.nanoTime()));
    }

    /** Migrates to {@code version}, or to the latest when it is null. */
    public static void migrate(PostgresServer.ServiceDatabase db, String version) {
        Flyway.configure().dataSource(db.jdbcUrl(), db.ownerUser(), db.ownerPassword()).locations("classpath:db/kit")
                .placeholders(Map.of("app_role", db.appUser())).defaultSchema("public").table("kit_schema_history").load().migrate();
        var service = Flyway.configure().dataSource(db.jdbcUrl(), db.ownerUser(), db.ownerPassword())
                .locations("classpath:db/migration").placeholders(Map.of("app_role", db.appUser())).defaultSchema("public")
                .baselineOnMigrate(true).baselineVersion("0");
        if (version != null) {
            service.target(version);
        }
        service.load().migrate();
    }

    /** Runs statements as the superuser, past row-level security, as data already in place would be. */
    public static void asSuperuser(PostgresServer.ServiceDatabase db, String... statements) {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), "postgres", ""); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of the first row, as the superuser sees it. */
    public static String value(PostgresServer.ServiceDatabase db, String sql) {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), "postgres", ""); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
