package io.concordat.servers;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * A PostgreSQL server from the binaries published on Maven Central, bound to 127.0.0.1.
 * Data stays in {@code dataDir} between starts unless a clean start is asked for.
 */
public final class PostgresServer implements AutoCloseable {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private final EmbeddedPostgres postgres;
    private final int port;

    private PostgresServer(EmbeddedPostgres postgres, int port) {
        this.postgres = postgres;
        this.port = port;
    }

    /**
     * @param port    0 for any free port
     * @param dataDir where the cluster lives
     * @param binDir  where the binaries are unpacked (reused between starts)
     * @param clean   wipe the data directory first
     */
    public static PostgresServer start(int port, Path dataDir, Path binDir, boolean clean) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir.toFile())
                    .setCleanDataDirectory(clean)
                    .setOverrideWorkingDirectory(binDir.toFile())
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    // TCP only: a Unix socket's lock file in /tmp, left by a server that was killed,
                    // would stop the next server on the same port from starting
                    .setServerConfig("unix_socket_directories", "")
                    .setServerConfig("max_connections", "300")
                    // a first start on a busy machine (Keycloak building beside it) can take a while
                    .setPGStartupWait(java.time.Duration.ofSeconds(120));
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres postgres = builder.start();
            return new PostgresServer(postgres, postgres.getPort());
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start", e);
        }
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return jdbcUrl(port, database);
    }

    public static String jdbcUrl(int port, String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /**
     * Makes a service's database, owned by {@code <database>_owner} (which migrates it) and used by
     * {@code <database>_app}, a role that owns nothing, so row-level security applies to it.
     * Does nothing for what already exists.
     */
    public ServiceDatabase ensureServiceDatabase(String database) {
        return ensureServiceDatabase(port, database);
    }

    public static ServiceDatabase ensureServiceDatabase(int port, String database) {
        requireIdentifier(database);
        ServiceDatabase db = new ServiceDatabase(jdbcUrl(port, database), database + "_owner", database + "_owner",
                database + "_app", database + "_app");
        try (Connection c = DriverManager.getConnection(jdbcUrl(port, "postgres"), "postgres", "");
             Statement s = c.createStatement()) {
            ensureRole(c, s, db.ownerUser(), db.ownerPassword());
            ensureRole(c, s, db.appUser(), db.appPassword());
            if (!exists(c, "select 1 from pg_database where datname = ?", database)) {
                s.execute("create database " + database + " owner " + db.ownerUser() + " encoding 'UTF8' template template0");
            }
            s.execute("revoke all on database " + database + " from public");
            s.execute("grant connect on database " + database + " to " + db.appUser());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare database " + database, e);
        }
        return db;
    }

    private static void ensureRole(Connection c, Statement s, String role, String password) throws SQLException {
        if (!exists(c, "select 1 from pg_roles where rolname = ?", role)) {
            s.execute("create role " + role + " login password '" + password + "'");
        }
    }

    private static boolean exists(Connection c, String sql, String value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void requireIdentifier(String name) {
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain lower-case identifier: " + name);
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Where a service's data lives and who connects to it. Development credentials: the local
     * cluster trusts connections from 127.0.0.1; deployed clusters take them from secrets.
     */
    public record ServiceDatabase(String jdbcUrl, String ownerUser, String ownerPassword, String appUser,
                                  String appPassword) {
    }
}
