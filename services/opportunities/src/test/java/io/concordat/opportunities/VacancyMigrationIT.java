package io.concordat.opportunities;

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

/** The schema change that lets vacancies close moves the vacancies already stored forward. */
class VacancyMigrationIT {

    @Test
    void aVacancyAlreadyOpenedIntoAnOpportunityIsClosedAsOpportunityOpenedAndTheOthersStayOpen() throws SQLException {
        PostgresServer.ServiceDatabase db = Migrations.freshDatabase("opportunities");
        Migrations.migrate(db, "4");
        UUID chorley = UUID.randomUUID();
        UUID opportunity = UUID.randomUUID();
        UUID opened = UUID.randomUUID();
        UUID open = UUID.randomUUID();
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), "postgres", ""); Statement s = c.createStatement()) {
            s.execute("insert into known_authority (id, name, kind, registered_at) values ('" + chorley
                    + "', 'Chorley Council', 'DISTRICT', now())");
            s.execute("insert into opportunity (id, authority_id, title, service_area, stage, proposed_by, proposed_at) values ('"
                    + opportunity + "', '" + chorley + "', 'Sharing the Elections Manager post', 'support.elections', 'IDEA', "
                    + "'officer-1', '2026-03-02T10:00:00Z')");
            s.execute("insert into vacancy (id, authority_id, title, service_area, grade, closing_date, status, opportunity_id, "
                    + "posted_by, posted_at) values ('" + opened + "', '" + chorley + "', 'Elections Manager', 'support.elections', "
                    + "'M2', '2026-04-01', 'OPEN', '" + opportunity + "', 'officer-1', now()), ('" + open + "', '" + chorley
                    + "', 'Payroll Officer', 'support.payroll', 'S3', '2026-04-01', 'OPEN', null, 'officer-1', now())");
        }

        Migrations.migrate(db, null);

        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), "postgres", ""); Statement s = c.createStatement()) {
            assertEquals("OPPORTUNITY_OPENED 2026-03-02 officer-1", row(s, "select status || ' ' || closed_on || ' ' || closed_by "
                    + "from vacancy where id = '" + opened + "'"));
            assertEquals("OPEN", row(s, "select status || coalesce(closed_on::text, '') from vacancy where id = '" + open + "'"));
            assertEquals("true true", row(s, "select relforcerowsecurity || ' ' || relrowsecurity from pg_class "
                    + "where relname = 'vacancy'"), "row-level security is forced again");
        }
    }

    private static String row(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
