package io.concordat.reporting;

import io.concordat.kit.testing.Migrations;
import io.concordat.servers.PostgresServer;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reporting's row-level security policies, rewritten to be evaluated once per query, show every
 * reader exactly the rows the policies before them did; and a rebuild's shadow schema carries
 * them as they are.
 */
class ReadModelPoliciesIT {

    private static final List<String> TABLES = List.of("rpt_opportunity", "rpt_projected_saving", "rpt_recommendation",
            "rpt_decision", "rpt_arrangement", "rpt_arrangement_reader", "rpt_recipient", "rpt_saving", "rpt_recharge",
            "rpt_indicator_reading", "rpt_indicator_latest", "rpt_review", "rpt_vacancy");

    /**
     * Thirty authorities in four regions (every third also in a second one, every fifth once a
     * member of a third that it left), sixty arrangements and forty opportunities between them,
     * with every detail table filled, and forty vacancies.
     */
    private static final String FILL = """
            create temporary table a as select g as n, md5('authority-' || g)::uuid as id from generate_series(1, 30) g;
            create temporary table r as select g as n, md5('region-' || g)::uuid as id from generate_series(0, 3) g;
            insert into region_membership (region_id, authority_id, joined_on)
                select r.id, a.id, date '2015-01-01' from a join r on r.n = a.n % 4
                union all select r.id, a.id, date '2016-01-01' from a join r on r.n = (a.n + 1) % 4 where a.n % 3 = 0;
            insert into region_membership (region_id, authority_id, joined_on, left_on)
                select r.id, a.id, date '2014-01-01', date '2014-12-31' from a join r on r.n = (a.n + 2) % 4 where a.n % 5 = 0;
            insert into rpt_arrangement (arrangement_id, title, service_area, theme, host_authority_id, party_ids, region_ids,
                                         basis, starts_on, status, agreed_at)
                select md5('arrangement-' || g)::uuid, 'Arrangement ' || g, 'support.hr', 'support', h.id,
                       array[h.id] || array(select x.id from a x where x.n in (1 + (g * 7) % 30, 1 + (g * 11) % 30) and x.id <> h.id),
                       array(select r.id from r where r.n = g % 5),
                       'PERMANENT', date '2016-04-01', 'ACTIVE', timestamptz '2016-03-01'
                from generate_series(1, 60) g join a h on h.n = 1 + g % 30;
            insert into rpt_arrangement_reader (reader_id, arrangement_id)
                select distinct x, arrangement_id from rpt_arrangement, unnest(party_ids || region_ids) x;
            insert into rpt_recipient (arrangement_id, authority_id, joined_on)
                select arrangement_id, party_ids[2], date '2016-04-01' from rpt_arrangement where cardinality(party_ids) > 1;
            insert into rpt_saving (arrangement_id, authority_id, financial_year, baseline_pence, cost_pence, saving_pence, recorded_at)
                select arrangement_id, host_authority_id, '2017/18', 100, 80, 20, timestamptz '2018-04-01' from rpt_arrangement;
            insert into rpt_recharge (event_id, arrangement_id, recipient_authority_id, period_from, period_to, amount_pence)
                select md5('recharge-' || arrangement_id)::uuid, arrangement_id, party_ids[1], date '2017-04-01', date '2017-06-30', 500
                from rpt_arrangement;
            insert into rpt_indicator_reading (indicator_id, recipient_authority_id, period, arrangement_id, indicator_name, value,
                                               target, rating, reported_at, filed_on)
                select md5('indicator-' || arrangement_id)::uuid, party_ids[1], '2017-Q1', arrangement_id, 'Indicator', 90, 95,
                       'AMBER', timestamptz '2017-04-05', date '2017-04-05' from rpt_arrangement;
            insert into rpt_indicator_latest (indicator_id, recipient_authority_id, arrangement_id, indicator_name, period, value,
                                              target, rating, reported_at, filed_on)
                select indicator_id, recipient_authority_id, arrangement_id, indicator_name, period, value, target, rating,
                       reported_at, filed_on from rpt_indicator_reading;
            insert into rpt_review (review_id, arrangement_id, kind, due_on)
                select md5('review-' || arrangement_id)::uuid, arrangement_id, 'Annual review', date '2018-04-01' from rpt_arrangement;
            insert into rpt_opportunity (opportunity_id, authority_id, title, service_area, theme, stage, region_ids,
                                         participant_ids, proposed_at, stage_changed_at)
                select md5('opportunity-' || g)::uuid, p.id, 'Opportunity ' || g, 'support.legal', 'support', 'IDEA',
                       array(select r.id from r where r.n = g % 6), array(select x.id from a x where x.n = 1 + (g * 13) % 30),
                       timestamptz '2017-01-01', timestamptz '2017-01-01'
                from generate_series(1, 40) g join a p on p.n = 1 + (g * 3) % 30;
            insert into rpt_projected_saving (opportunity_id, authority_id, financial_year, amount_pence, version)
                select opportunity_id, authority_id, '2018/19', 1000, 1 from rpt_opportunity;
            insert into rpt_recommendation (opportunity_id, region_id, recommended, rule, in_favour, against, reason, recorded_at)
                select opportunity_id, coalesce(region_ids[1], authority_id), true, 'CONSENSUS', 6, 0, 'Agreed',
                       timestamptz '2017-06-01' from rpt_opportunity;
            insert into rpt_decision (opportunity_id, authority_id, outcome, body, decided_on, minute_reference, recorded_at)
                select opportunity_id, authority_id, 'APPROVED', 'Cabinet', date '2017-07-01', 'C/17/1', timestamptz '2017-07-02'
                from rpt_opportunity;
            insert into rpt_vacancy (vacancy_id, authority_id, title, service_area, theme, grade, closing_date, posted_at)
                select md5('vacancy-' || g)::uuid, p.id, 'Post ' || g, 'support.finance', 'support', 'Grade 8', date '2030-01-01',
                       timestamptz '2017-01-01'
                from generate_series(1, 40) g join a p on p.n = 1 + (g * 7) % 30;
            """;

    @Test
    void everyReaderSeesExactlyTheRowsThePoliciesBeforeShowedThem() throws SQLException {
        PostgresServer.ServiceDatabase db = Migrations.freshDatabase("reporting");
        Migrations.migrate(db, "9");
        Migrations.asSuperuser(db, FILL);
        Map<String, String> before = visible(db);

        Migrations.migrate(db, null);

        assertEquals(before, visible(db));
        assertTrue(before.get("platform rpt_indicator_latest").startsWith("60 "), before.toString());
        assertTrue(before.get("no tenant rpt_indicator_latest").startsWith("0 "), before.toString());
        assertTrue(before.get("no tenant rpt_vacancy").startsWith("0 "), before.toString());
        long partlyVisible = before.entrySet().stream().filter(e -> e.getKey().startsWith("authority "))
                .map(e -> Integer.parseInt(e.getValue().split(" ")[0])).filter(n -> n > 0).count();
        assertTrue(partlyVisible > 30 * 10, "most tables show each authority some rows: " + partlyVisible);
    }

    @Test
    void aRebuildsShadowSchemaCarriesTheSamePolicies() throws SQLException {
        PostgresServer.ServiceDatabase db = Migrations.freshDatabase("reporting");
        Migrations.migrate(db, null);
        try (Connection app = DriverManager.getConnection(db.jdbcUrl(), db.appUser(), db.appPassword());
             Statement s = app.createStatement()) {
            s.execute("select reporting_prepare_shadow()");
        }
        Map<String, String> current = policies(db, "read_models");
        Map<String, String> shadow = policies(db, "read_models_next");
        assertEquals(TABLES.size(), current.size(), current.keySet().toString());
        assertEquals(current, shadow);
        assertTrue(shadow.get("rpt_indicator_latest").contains("SELECT concordat_is_platform()"),
                "the shadow's policies are the ones evaluated once per query: " + shadow.get("rpt_indicator_latest"));
    }

    /** Per reader and table: how many rows it sees and which (as a digest), read as the application role. */
    private static Map<String, String> visible(PostgresServer.ServiceDatabase db) throws SQLException {
        Map<String, String> seen = new TreeMap<>();
        List<String[]> readers = new ArrayList<>();
        readers.add(new String[] {"no tenant", "", ""});
        readers.add(new String[] {"platform", "", "on"});
        for (int n = 1; n <= 30; n++) {
            readers.add(new String[] {"authority " + n, uuid(db, "authority-" + n), ""});
        }
        readers.add(new String[] {"a region as tenant", uuid(db, "region-1"), ""});
        try (Connection app = DriverManager.getConnection(db.jdbcUrl(), db.appUser(), db.appPassword())) {
            for (String[] reader : readers) {
                try (PreparedStatement set = app.prepareStatement(
                        "select set_config('concordat.authority_id', ?, false), set_config('concordat.platform', ?, false)")) {
                    set.setString(1, reader[1]);
                    set.setString(2, reader[2]);
                    set.execute();
                }
                for (String table : TABLES) {
                    try (Statement s = app.createStatement(); ResultSet rs = s.executeQuery(
                            "select count(*) || ' ' || coalesce(md5(string_agg(t::text, ',' order by t::text)), '-') from "
                            + table + " t")) {
                        rs.next();
                        seen.put(reader[0] + " " + table, rs.getString(1));
                    }
                }
            }
        }
        return seen;
    }

    private static String uuid(PostgresServer.ServiceDatabase db, String seed) {
        return Migrations.value(db, "select md5('" + seed + "')::uuid");
    }

    /** Each table's policy as PostgreSQL prints it, with the schema's own name taken out. */
    private static Map<String, String> policies(PostgresServer.ServiceDatabase db, String schema) throws SQLException {
        Map<String, String> policies = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), "postgres", "");
             PreparedStatement q = c.prepareStatement("""
                     select tablename, policyname || ' ' || permissive || ' ' || cmd || ' ' || qual || ' ' || coalesce(with_check, '')
                     from pg_policies where schemaname = ?""")) {
            q.setString(1, schema);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    policies.put(rs.getString(1), rs.getString(2).replace(schema + ".", ""));
                }
            }
        }
        return policies;
    }
}
