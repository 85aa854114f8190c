package io.concordat.reporting;

import io.concordat.kit.testing.Migrations;
import io.concordat.servers.PostgresServer;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Reporting's schema changes move read models already filled forward, under forced row-level security. */
class ReadModelMigrationIT {

    @Test
    void readingsAlreadyStoredAreFiledByTheDayTheyWereReportedAndSecurityIsForcedAgain() {
        PostgresServer.ServiceDatabase db = Migrations.freshDatabase("reporting");
        Migrations.migrate(db, "2");
        UUID arrangement = UUID.randomUUID();
        UUID indicator = UUID.randomUUID();
        UUID bromsgrove = UUID.randomUUID();
        Migrations.asSuperuser(db,
                "insert into rpt_arrangement (arrangement_id, title, service_area, theme, host_authority_id, party_ids, "
                        + "region_ids, basis, starts_on, status, agreed_at) values ('" + arrangement + "', 'Payroll', "
                        + "'support.payroll', 'support', '" + UUID.randomUUID() + "', '{}', '{}', 'PERMANENT', '2009-09-01', "
                        + "'LIVE', '2009-05-12T10:00:00Z')",
                "insert into rpt_indicator_reading (indicator_id, recipient_authority_id, period, arrangement_id, indicator_name, "
                        + "value, target, rating, reported_at) values ('" + indicator + "', '" + bromsgrove + "', '2010-Q1', '"
                        + arrangement + "', 'Payslips paid correctly (%)', 99.7, 99.5, 'GREEN', '2010-04-08T23:30:00Z')",
                "insert into rpt_indicator_latest (indicator_id, recipient_authority_id, arrangement_id, indicator_name, period, "
                        + "value, target, rating, reported_at) values ('" + indicator + "', '" + bromsgrove + "', '" + arrangement
                        + "', 'Payslips paid correctly (%)', '2010-Q1', 99.7, 99.5, 'GREEN', '2010-04-08T23:30:00Z')");

        Migrations.migrate(db, null);

        assertEquals("2010-04-09", Migrations.value(db, "select filed_on from rpt_indicator_reading"),
                "filed by the UK day it was reported (00:30 on the 9th in London)");
        assertEquals("2010-04-09", Migrations.value(db, "select filed_on from rpt_indicator_latest"));
        assertEquals("true true", Migrations.value(db, "select bool_and(relforcerowsecurity) || ' ' || bool_and(relrowsecurity) "
                + "from pg_class where relname in ('rpt_indicator_reading', 'rpt_indicator_latest')"));
    }
}
