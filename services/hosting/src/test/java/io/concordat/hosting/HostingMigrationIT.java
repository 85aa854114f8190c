package io.concordat.hosting;

import io.concordat.kit.testing.Migrations;
import io.concordat.servers.PostgresServer;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The schema changes that move stored hosting data forward do move it: each migrates a database to
 * the version before, stores rows as they were then, migrates on and reads what became of them.
 */
class HostingMigrationIT {

    private static final UUID BOLSOVER = UUID.randomUUID();
    private static final UUID BASSETLAW = UUID.randomUUID();
    private static final UUID NE_DERBYSHIRE = UUID.randomUUID();

    @Test
    void eachYearsRunningCostGoesToTheBodyThatHostedMostOfThatYear() throws SQLException {
        PostgresServer.ServiceDatabase db = Migrations.freshDatabase("hosting");
        Migrations.migrate(db, "2");
        UUID id = UUID.randomUUID();
        Migrations.asSuperuser(db, arrangement(id, "LIVE", null),
                "insert into host_period (arrangement_id, host_authority_id, from_date, to_date) values ('" + id + "', '"
                        + BOLSOVER + "', '2011-04-01', '2013-06-30'), ('" + id + "', '" + BASSETLAW + "', '2013-07-01', null)",
                "insert into running_cost (arrangement_id, financial_year, cost_pence) values ('" + id + "', '2012/13', 100), ('"
                        + id + "', '2013/14', 200), ('" + id + "', '2009/10', 300)");

        Migrations.migrate(db, "3.1");

        try (Connection c = superuser(db); Statement s = c.createStatement()) {
            String year = "select host_authority_id from running_cost where arrangement_id = '" + id + "' and financial_year = ";
            assertEquals(BOLSOVER.toString(), row(s, year + "'2012/13'"), "hosted all of it");
            assertEquals(BASSETLAW.toString(), row(s, year + "'2013/14'"), "hosted nine months of it");
            assertEquals(BASSETLAW.toString(), row(s, year + "'2009/10'"), "no host that year: today's host");
            assertEquals("true", forced(s, "running_cost"), "row-level security is forced again");
        }
    }

    @Test
    void aRecipientOfAnArrangementAlreadyTerminatedStopsReceivingOnItsExitDateAndReportingIsTold() throws SQLException {
        PostgresServer.ServiceDatabase db = Migrations.freshDatabase("hosting");
        Migrations.migrate(db, "3.1");
        UUID id = UUID.randomUUID();
        Migrations.asSuperuser(db, arrangement(id, "TERMINATED", "2021-03-31"),
                "insert into recipient (arrangement_id, authority_id, joined_on) values ('" + id + "', '" + BASSETLAW
                        + "', '2019-04-01'), ('" + id + "', '" + NE_DERBYSHIRE + "', '2022-04-01')");

        Migrations.migrate(db, "3.2");

        try (Connection c = superuser(db); Statement s = c.createStatement()) {
            String left = "select left_on || ' ' || left_reason from recipient where arrangement_id = '" + id + "' and authority_id = ";
            assertEquals("2021-03-31 Arrangement ended: Partnership dissolved", row(s, left + "'" + BASSETLAW + "'"));
            assertEquals("2022-04-01 Arrangement ended: Partnership dissolved", row(s, left + "'" + NE_DERBYSHIRE + "'"),
                    "one that joined after the exit leaves the day it joined");
            assertEquals("2", row(s, "select count(*) from outbox where record_key = '" + id
                    + "' and event_type = 'io.concordat.arrangement.recipient-left.v1'"));
            assertEquals("true", forced(s, "recipient"));
        }
    }

    @Test
    void recipientsRecordedBeforeConsentWasAskedKeepReceivingAsAccepted() throws SQLException {
        PostgresServer.ServiceDatabase db = Migrations.freshDatabase("hosting");
        Migrations.migrate(db, "3.2");
        UUID id = UUID.randomUUID();
        Migrations.asSuperuser(db, arrangement(id, "LIVE", null), "insert into recipient (arrangement_id, authority_id, joined_on) values ('" + id
                + "', '" + BASSETLAW + "', '2019-04-01')");

        Migrations.migrate(db, "3.3");

        try (Connection c = superuser(db); Statement s = c.createStatement()) {
            assertEquals("ACCEPTED", row(s, "select consent from recipient where arrangement_id = '" + id + "'"));
            assertEquals("0", row(s, "select count(*) from awaiting_answer"));
        }
    }

    /** Seen through forced row-level security, the owner would type no reading at all. */
    @Test
    void readingsRecordedBeforePeriodsWereTypedAreTypedByTheirLabel() throws SQLException {
        PostgresServer.ServiceDatabase db = Migrations.freshDatabase("hosting");
        Migrations.migrate(db, "3.3");
        UUID id = UUID.randomUUID();
        UUID indicator = UUID.randomUUID();
        String reading = "insert into reading (indicator_id, authority_id, period, value, reported_by, reported_at) values ('"
                + indicator + "', '" + BASSETLAW + "', ";
        Migrations.asSuperuser(db, arrangement(id, "LIVE", null),
                "insert into indicator (id, arrangement_id, name, unit, direction, amber_margin) values ('" + indicator + "', '"
                        + id + "', 'Days to process a new claim', 'days', 'LOWER_IS_BETTER', 3)",
                reading + "' 2026/27 q2', 25, 'officer-1', '2026-10-01T09:00:00Z')",
                reading + "'2026/27 Q2', 21, 'officer-1', '2026-10-02T09:00:00Z')",
                reading + "'2026/27', 20, 'officer-1', '2027-04-02T09:00:00Z')",
                reading + "'2026-09', 19, 'officer-1', '2026-10-03T09:00:00Z')",
                reading + "'2026-Q1', 18, 'officer-1', '2026-07-01T09:00:00Z')");

        Migrations.migrate(db, null);

        try (Connection c = superuser(db); Statement s = c.createStatement()) {
            String typed = "select period_kind || ' ' || period_first_day || ' ' || period_last_day || ' ' || value from reading "
                    + "where indicator_id = '" + indicator + "' and period = ";
            assertEquals("FINANCIAL_QUARTER 2026-07-01 2026-09-30 21", row(s, typed + "'2026/27 Q2' and period_kind is not null"),
                    "the one reported last is the quarter's reading");
            assertEquals("FINANCIAL_YEAR 2026-04-01 2027-03-31 20", row(s, typed + "'2026/27'"));
            assertEquals("MONTH 2026-09-01 2026-09-30 19", row(s, typed + "'2026-09'"));
            assertEquals("2", row(s, "select count(*) from reading where indicator_id = '" + indicator
                    + "' and period_kind is null and period in (' 2026/27 q2', '2026-Q1')"), "kept as they were");
            assertEquals("true", forced(s, "reading"), "row-level security is forced again");
        }
    }

    private static String arrangement(UUID id, String status, String exitOn) {
        return "insert into arrangement (id, title, service_area, host_authority_id, party_ids, basis, starts_on, cost_allocation, "
                + "status, agreed_by, agreed_at, exit_on, termination_reason) values ('" + id + "', 'Shared ICT', 'support.ict', '"
                + BASSETLAW + "', array['" + BOLSOVER + "', '" + BASSETLAW + "']::uuid[], 'PERMANENT', '2011-04-01', 'EQUAL_SHARES', '"
                + status + "', 'officer-1', now(), " + (exitOn == null ? "null, null" : "'" + exitOn + "', 'Partnership dissolved'")
                + ")";
    }

    private static Connection superuser(PostgresServer.ServiceDatabase db) throws SQLException {
        return DriverManager.getConnection(db.jdbcUrl(), "postgres", "");
    }

    private static String forced(Statement s, String table) throws SQLException {
        return row(s, "select relforcerowsecurity from pg_class where relname = '" + table + "'").equals("t") ? "true" : "false";
    }

    private static String row(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
