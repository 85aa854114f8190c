package io.concordat.bench;

import io.concordat.reporting.app.Dashboards;
import io.concordat.servers.PostgresServer;
import org.HdrHistogram.Histogram;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A region's dashboard at national scale: 11,500 authorities registered, 1,000 arrangements and
 * 1,000,000 indicator readings in reporting's read models. The dashboard is fetched through the
 * gateway, and beside it the same queries (reporting's own {@link Dashboards}) run straight on
 * PostgreSQL with the same tenant, in alternating rounds.
 *
 * <p>The volume is written straight into the read models by SQL (a million events through Kafka
 * would take this machine most of an hour); {@link DashboardFreshness} measures the event path.
 * Runs against a running devstack: {@code infra/bench/run region-dashboard}.
 */
public final class RegionDashboard {

    /** The bench region; its members are 40 bench authorities and Bromsgrove, whose officer signs in. */
    static final UUID REGION = UUID.fromString("b0000000-0000-4000-8000-000000000001");

    private RegionDashboard() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = BenchSupport.arguments(args);
        int port = Integer.parseInt(a.getOrDefault("pg-port", "15432"));
        String gateway = a.getOrDefault("gateway", "http://127.0.0.1:8080");
        int requests = Integer.parseInt(a.getOrDefault("requests", "400"));
        int rounds = Integer.parseInt(a.getOrDefault("rounds", "4"));

        UUID bromsgrove;
        try (Connection superuser = DriverManager.getConnection(PostgresServer.jdbcUrl(port, "reporting"), "postgres", "")) {
            bromsgrove = seed(superuser);
        }
        String keycloak = a.getOrDefault("keycloak", "http://127.0.0.1:8180");
        String user = a.getOrDefault("user", "officer.bromsgrove");
        String token = BenchSupport.signIn(keycloak, user);
        PostgresServer.ServiceDatabase db = PostgresServer.ensureServiceDatabase(port, "reporting");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI uri = URI.create(gateway + "/api/v1/reporting/regions/" + REGION + "/dashboard");
        try (Connection app = DriverManager.getConnection(db.jdbcUrl(), db.appUser(), db.appPassword())) {
            app.setAutoCommit(false);
            app.setReadOnly(true);
            Histogram viaGateway = new Histogram(3);
            Histogram straight = new Histogram(3);
            for (int i = 0; i < 30; i++) {
                fetch(http, uri, token, new Histogram(3));
                query(app, bromsgrove, new Histogram(3));
            }
            System.out.printf(Locale.ROOT, "Region dashboard, %d requests each way in %d rounds%n", requests, rounds);
            for (int round = 0; round < rounds; round++) {
                token = BenchSupport.signIn(keycloak, user); // tokens live five minutes
                for (int i = 0; i < requests / rounds; i++) {
                    query(app, bromsgrove, straight);
                }
                for (int i = 0; i < requests / rounds; i++) {
                    fetch(http, uri, token, viaGateway);
                }
            }
            BenchSupport.report("same queries straight on PostgreSQL", straight);
            BenchSupport.report("dashboard through the gateway", viaGateway);
            BenchSupport.ratios("gateway/straight SQL", viaGateway, straight);
        }
    }

    private static void fetch(HttpClient http, URI uri, String token, Histogram into) throws Exception {
        long start = System.nanoTime();
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        into.recordValue((System.nanoTime() - start) / 1_000);
        if (response.statusCode() != 200) {
            throw new IllegalStateException(uri + " answered " + response.statusCode() + ": " + new String(response.body()));
        }
    }

    /** The dashboard's queries as the service runs them, in one read-only transaction with the tenant set. */
    private static void query(Connection app, UUID tenant, Histogram into) throws Exception {
        long start = System.nanoTime();
        try (PreparedStatement set = app.prepareStatement("select set_config('concordat.authority_id', ?, true)")) {
            set.setString(1, tenant.toString());
            set.execute();
        }
        Dashboards.on(app).region(REGION, LocalDate.now());
        app.commit();
        into.recordValue((System.nanoTime() - start) / 1_000);
    }

    /** Writes the national volume once; returns Bromsgrove's id, which becomes a member of the bench region. */
    private static UUID seed(Connection c) throws Exception {
        UUID bromsgrove;
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select id from known_authority where name = 'Bromsgrove District Council'")) {
            if (!rs.next()) {
                throw new IllegalStateException("the demo region is not loaded: start ./devstack first");
            }
            bromsgrove = rs.getObject(1, UUID.class);
        }
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from known_region where id = '" + REGION + "'")) {
            rs.next();
            if (rs.getLong(1) == 1) {
                System.out.println("Bench data already loaded");
                return bromsgrove;
            }
        }
        long started = System.nanoTime();
        System.out.println("Loading 11,500 authorities, 1,000 arrangements and 1,000,000 readings ...");
        String seed = """
                create temporary table bench_authority as
                    select g.k as n, md5('bench-authority-' || g.k)::uuid as id from generate_series(1, 11500) g(k);
                insert into known_authority (id, name, kind, gss_code, registered_at)
                    select id, 'Bench authority ' || n, 'DISTRICT', 'E0' || lpad(n::text, 7, '0'), now() from bench_authority;
                insert into known_region (id, name, kind) values ('%1$s', 'Bench region', 'PARTNERSHIP');
                insert into region_membership (region_id, authority_id, joined_on)
                    select '%1$s'::uuid, id, date '2020-01-01' from bench_authority where n <= 40
                    union all select '%1$s'::uuid, '%2$s'::uuid, date '2020-01-01';
                create temporary table bench_arrangement as
                    select g.k as n, md5('bench-arrangement-' || g.k)::uuid as id,
                           (select b.id from bench_authority b
                            where b.n = case when g.k <= 200 then 1 + g.k %% 40 else 41 + g.k * 11 %% 11400 end) as host,
                           array(select b.id from bench_authority b where b.n in (
                               case when g.k <= 200 then 1 + (g.k + 1) %% 40 else 41 + (g.k * 13 + 1) %% 11400 end,
                               case when g.k <= 200 then 1 + (g.k + 2) %% 40 else 41 + (g.k * 17 + 2) %% 11400 end,
                               case when g.k <= 200 then 1 + (g.k + 3) %% 40 else 41 + (g.k * 19 + 3) %% 11400 end)) as recipients
                    from generate_series(1, 1000) g(k);
                insert into rpt_arrangement (arrangement_id, title, service_area, theme, host_authority_id, party_ids, region_ids,
                                             basis, starts_on, ends_on, status, agreed_at)
                    select id, 'Bench arrangement ' || n,
                           (array['support.hr','support.finance','support.payroll','support.legal','support.ict','support.procurement'])[1 + n %% 6],
                           'support', host, host || recipients,
                           case when n <= 200 then array['%1$s'::uuid] else array[md5('other-region-' || n %% 50)::uuid] end,
                           case when n %% 5 = 0 then 'FIXED_TERM' else 'PERMANENT' end, date '2022-04-01',
                           case when n %% 5 = 0 then current_date + (n %% 120) end, 'ACTIVE', now()
                    from bench_arrangement;
                insert into rpt_recipient (arrangement_id, authority_id, joined_on)
                    select a.id, r, date '2022-04-01' from bench_arrangement a, unnest(a.recipients) r;
                -- who may read each arrangement's detail, as the projection keeps it: its parties and regions
                insert into rpt_arrangement_reader (reader_id, arrangement_id)
                    select distinct r, a.arrangement_id from rpt_arrangement a, unnest(a.party_ids || a.region_ids) r
                    where a.title like 'Bench arrangement %%' on conflict do nothing;
                insert into rpt_indicator_reading (indicator_id, recipient_authority_id, period, arrangement_id, indicator_name,
                                                   value, target, rating, reported_at, filed_on)
                    select md5(a.id::text || '-' || i)::uuid, a.recipients[1 + (p.q %% 4) %% 3],
                           to_char(date '2020-01-01' + ((p.q / 4) * interval '1 month'), 'YYYY-MM') || '-' || (p.q %% 4),
                           a.id, 'Indicator ' || i, 80 + (a.n * i + p.q) %% 20, 95,
                           case when (a.n * i + p.q) %% 20 < 3 then 'RED' when (a.n * i + p.q) %% 20 < 8 then 'AMBER' else 'GREEN' end,
                           now() - (100 - p.q / 4) * interval '1 day', (now() - (100 - p.q / 4) * interval '1 day')::date
                    from bench_arrangement a, generate_series(1, 10) i, generate_series(0, 99) p(q);
                insert into rpt_indicator_latest (indicator_id, recipient_authority_id, arrangement_id, indicator_name, period,
                                                  value, target, rating, reported_at, filed_on)
                    select distinct on (indicator_id, recipient_authority_id) indicator_id, recipient_authority_id, arrangement_id,
                           indicator_name, period, value, target, rating, reported_at, filed_on
                    from rpt_indicator_reading r where exists (select 1 from bench_arrangement b where b.id = r.arrangement_id)
                    order by indicator_id, recipient_authority_id, filed_on desc, reported_at desc;
                insert into rpt_saving (arrangement_id, authority_id, financial_year, baseline_pence, cost_pence, saving_pence, recorded_at)
                    select a.id, r, y, 10000000, 8000000 + a.n * 100, 2000000 - a.n * 100, now()
                    from bench_arrangement a, unnest(a.recipients) r, unnest(array['2023/24','2024/25','2025/26']) y;
                insert into rpt_review (review_id, arrangement_id, kind, due_on)
                    select md5('bench-review-' || n)::uuid, id, 'Annual review', current_date + (n %% 180) from bench_arrangement;
                insert into rpt_opportunity (opportunity_id, authority_id, title, service_area, theme, model, horizon, stage,
                                             region_ids, participant_ids, proposed_at, stage_changed_at)
                    select md5('bench-opportunity-' || g.n)::uuid, b.id, 'Bench opportunity ' || g.n, 'support.hr', 'support',
                           (array['SHARED_POST','JOINT_PROVISION_WITH_HOST','BUY_UNDER_SLA'])[1 + g.n %% 3],
                           (array['QUICK_WIN','MEDIUM_TERM','LONG_TERM'])[1 + g.n %% 3],
                           (array['IDEA','IN_PRINCIPLE','OUTLINE_BUSINESS_CASE','FULL_BUSINESS_CASE','DECIDED'])[1 + g.n %% 5],
                           case when g.n <= 400 then array['%1$s'::uuid] else '{}' end, array[b.id], now(), now()
                    from generate_series(1, 2000) g(n) join bench_authority b on b.n = case when g.n <= 400 then 1 + g.n %% 40 else 41 + g.n * 7 %% 11400 end;
                insert into rpt_projected_saving (opportunity_id, authority_id, financial_year, amount_pence, version)
                    select o.opportunity_id, o.authority_id, y, 1500000, 1 from rpt_opportunity o,
                           unnest(array['2025/26','2026/27']) y where o.title like 'Bench opportunity %%';
                insert into rpt_vacancy (vacancy_id, authority_id, title, service_area, theme, grade, closing_date, posted_at)
                    select md5('bench-vacancy-' || g.n)::uuid, b.id, 'Bench post ' || g.n, 'support.finance', 'support', 'Grade 8',
                           current_date + (g.n %% 60), now()
                    from generate_series(1, 5000) g(n) join bench_authority b on b.n = 1 + g.n * 3 %% 11500;
                analyze;
                """.formatted(REGION, bromsgrove);
        try (Statement s = c.createStatement()) {
            s.execute(seed);
        }
        System.out.printf(Locale.ROOT, "Loaded in %.0f s%n", (System.nanoTime() - started) / 1e9);
        return bromsgrove;
    }
}
