package io.concordat.bench;

import io.concordat.kit.testing.Migrations;
import io.concordat.servers.PostgresServer;
import org.HdrHistogram.Histogram;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Row-level security: the same tenant-scoped read (a host's arrangements and their latest
 * indicator ratings, narrowed to the host as the authority dashboard is) with the policies on
 * (as reporting's application role, the host set as tenant) and off (as the superuser, whom
 * policies do not bind). Both return the same rows; the ratio of their medians is the policies'
 * cost. The two run in alternating rounds on server-prepared statements, as the service's
 * connections run them.
 *
 * <p>By default it needs no devstack: it starts a PostgreSQL of its own, migrates it with
 * reporting's migrations (the kit's first, as the service does) and fills it at national scale
 * (11,500 authorities, 8 regions, 1,000 arrangements, 1,000,000 indicator readings), as the
 * projections would have written it; {@code --migrate-to=9} stops at an earlier schema version,
 * to measure the policies as they were. With {@code --pg-port=15432} it reads the devstack's
 * reporting database instead (after {@code replay}). {@code --hold=true} keeps its PostgreSQL up
 * afterwards for {@code psql}. Prints {@code EXPLAIN (ANALYZE, BUFFERS)} of
 * both, and the planning and execution times PostgreSQL reports, as medians over many runs.
 */
public final class RlsOverhead {

    private static final String READ = """
            select a.arrangement_id, count(*) filter (where l.rating = 'RED'), count(*) filter (where l.rating = 'AMBER'),
                   count(*)
            from rpt_arrangement a join rpt_indicator_latest l on l.arrangement_id = a.arrangement_id
            where a.host_authority_id = ? group by a.arrangement_id""";

    private static final Pattern TIMES = Pattern.compile("(Planning|Execution) Time: ([0-9.]+) ms");

    private RlsOverhead() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = BenchSupport.arguments(args);
        int requests = Integer.parseInt(a.getOrDefault("requests", "500"));
        int rounds = Integer.parseInt(a.getOrDefault("rounds", "5"));
        if (a.containsKey("pg-port")) {
            int port = Integer.parseInt(a.get("pg-port"));
            PostgresServer.ServiceDatabase db = PostgresServer.ensureServiceDatabase(port, "reporting");
            run(db, requests, rounds);
            return;
        }
        Path root = Path.of(a.getOrDefault("dir", "infra/bench/target/rls-postgres")).toAbsolutePath();
        try (PostgresServer postgres = PostgresServer.start(0, root.resolve("data"), root.resolve("bin"), true)) {
            PostgresServer.ServiceDatabase db = postgres.ensureServiceDatabase("reporting");
            long started = System.nanoTime();
            String version = a.get("migrate-to");
            Migrations.migrate(db, version);
            System.out.printf(Locale.ROOT, "Migrated reporting's schema to %s in %.1f s%n",
                    Migrations.value(db, "select max(version::int) from flyway_schema_history where success"),
                    (System.nanoTime() - started) / 1e9);
            started = System.nanoTime();
            fill(db);
            System.out.printf(Locale.ROOT, "Filled 11,500 authorities, 1,000 arrangements, 1,000,000 readings in %.0f s%n",
                    (System.nanoTime() - started) / 1e9);
            run(db, requests, rounds);
            if (Boolean.parseBoolean(a.getOrDefault("hold", "false"))) {
                System.out.printf(Locale.ROOT, "PostgreSQL stays up on port %d (psql -h 127.0.0.1 -p %d -U postgres reporting);"
                                               + " Ctrl-C ends it%n", postgres.port(), postgres.port());
                Thread.currentThread().join();
            }
        }
    }

    private static void run(PostgresServer.ServiceDatabase db, int requests, int rounds) throws Exception {
        try (Connection off = DriverManager.getConnection(db.jdbcUrl(), "postgres", "");
             Connection on = DriverManager.getConnection(db.jdbcUrl(), db.appUser(), db.appPassword())) {
            UUID host;
            try (Statement s = off.createStatement(); ResultSet rs = s.executeQuery("""
                    select a.host_authority_id from rpt_arrangement a join rpt_indicator_latest l using (arrangement_id)
                    group by 1 order by count(*) desc, 1 limit 1""")) {
                if (!rs.next()) {
                    throw new IllegalStateException("reporting has no indicators yet: run infra/bench/run replay first");
                }
                host = rs.getObject(1, UUID.class);
            }
            for (Connection c : List.of(off, on)) {
                try (PreparedStatement s = c.prepareStatement("select set_config('concordat.authority_id', ?, false)")) {
                    s.setString(1, host.toString());
                    s.execute();
                }
            }
            Histogram offTimes = new Histogram(3);
            Histogram onTimes = new Histogram(3);
            try (PreparedStatement qOff = off.prepareStatement(READ); PreparedStatement qOn = on.prepareStatement(READ)) {
                qOff.setObject(1, host);
                qOn.setObject(1, host);
                long rowsOff = time(qOff, 50, new Histogram(3));
                long rowsOn = time(qOn, 50, new Histogram(3));
                if (rowsOff != rowsOn || rowsOn == 0) {
                    throw new IllegalStateException("the two reads differ: " + rowsOff + " rows off, " + rowsOn + " on");
                }
                System.out.printf(Locale.ROOT, "Host %s: %d arrangements either way; %d requests each way in %d rounds%n",
                        host, rowsOn, requests, rounds);
                long[] cpu = new long[2];
                long pidOff = backend(off);
                long pidOn = backend(on);
                for (int round = 0; round < rounds; round++) {
                    long t = cpuTicks(pidOff);
                    time(qOff, requests / rounds, offTimes);
                    cpu[0] += cpuTicks(pidOff) - t;
                    t = cpuTicks(pidOn);
                    time(qOn, requests / rounds, onTimes);
                    cpu[1] += cpuTicks(pidOn) - t;
                }
                if (cpu[0] > 0 && cpu[1] > 0) {
                    // CPU time the server process spent, which other work on a shared machine does not inflate as it does wall time
                    System.out.printf(Locale.ROOT, "server CPU per read (10 ms ticks, %d off, %d on): off %.1f us, on %.1f us,"
                                                   + " ratio off/on %.2f%n", cpu[0], cpu[1], cpu[0] * 10_000.0 / requests,
                            cpu[1] * 10_000.0 / requests, (double) cpu[0] / cpu[1]);
                }
            }
            System.out.println("plans cached for the timed read: off " + plans(off) + ", on " + plans(on));
            BenchSupport.report("policies off (superuser)", offTimes);
            BenchSupport.report("policies on (application role)", onTimes);
            double[] plannedOff = explain(off, host, "off (superuser)");
            double[] plannedOn = explain(on, host, "on (application role)");
            System.out.printf(Locale.ROOT, "EXPLAIN ANALYZE medians of 200: planning off %.3f ms, on %.3f ms;"
                                           + " execution off %.3f ms, on %.3f ms%n",
                    plannedOff[0], plannedOn[0], plannedOff[1], plannedOn[1]);
            System.out.printf(Locale.ROOT, "ratio off/on: p50 %.2f, p95 %.2f, p99 %.2f%n",
                    ratio(offTimes, onTimes, 50), ratio(offTimes, onTimes, 95), ratio(offTimes, onTimes, 99));
        }
    }

    private static long backend(Connection c) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select pg_backend_pid()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * User and system time of a server process on this machine, in clock ticks (Linux's USER_HZ,
     * 100 a second); 0 when the server runs elsewhere.
     */
    private static long cpuTicks(long pid) {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        try {
            String line = Files.readString(stat);
            String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    /** How often PostgreSQL ran the read's server-prepared statement with a generic plan and with a custom one. */
    private static String plans(Connection c) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "select generic_plans, custom_plans from pg_prepared_statements where statement like '%rpt_indicator_latest%'")) {
            return rs.next() ? rs.getLong(1) + " generic, " + rs.getLong(2) + " custom" : "none server-prepared";
        }
    }

    private static double ratio(Histogram off, Histogram on, double percentile) {
        return (double) off.getValueAtPercentile(percentile) / on.getValueAtPercentile(percentile);
    }

    private static long time(PreparedStatement q, int requests, Histogram into) throws Exception {
        long rows = 0;
        for (int i = 0; i < requests; i++) {
            long t = System.nanoTime();
            long n = 0;
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    n++;
                }
            }
            into.recordValue((System.nanoTime() - t) / 1000);
            rows = n;
        }
        return rows;
    }

    /** Prints one plan, and returns the median planning and execution times of 200 EXPLAIN ANALYZE. */
    private static double[] explain(Connection c, UUID host, String label) throws Exception {
        String sql = "explain (analyze, buffers) " + READ.replace("?", "'" + host + "'");
        List<Double> planning = new ArrayList<>();
        List<Double> execution = new ArrayList<>();
        try (Statement s = c.createStatement()) {
            for (int i = 0; i < 200; i++) {
                StringBuilder plan = new StringBuilder();
                try (ResultSet rs = s.executeQuery(sql)) {
                    while (rs.next()) {
                        String line = rs.getString(1);
                        plan.append("  ").append(line).append('\n');
                        Matcher m = TIMES.matcher(line);
                        if (m.find()) {
                            (m.group(1).equals("Planning") ? planning : execution).add(Double.parseDouble(m.group(2)));
                        }
                    }
                }
                if (i == 0) {
                    System.out.println("EXPLAIN (ANALYZE, BUFFERS), policies " + label + ":");
                    System.out.print(plan);
                }
            }
        }
        return new double[] {median(planning), median(execution)};
    }

    private static double median(List<Double> values) {
        Collections.sort(values);
        return values.get(values.size() / 2);
    }

    /**
     * The national volume, written as reporting's projections write it (arrangements with their
     * parties, readers, recipients, readings and the latest reading per indicator and recipient),
     * past row-level security as the superuser. Eight regions of about 1,440 members each; most
     * authorities belong to one region, every tenth to two. The first 200 authorities host five
     * arrangements each, every arrangement shared with one or two regions and three recipients.
     */
    private static void fill(PostgresServer.ServiceDatabase db) {
        Migrations.asSuperuser(db, """
                create temporary table bench_authority as
                    select g.k as n, md5('bench-authority-' || g.k)::uuid as id from generate_series(1, 11500) g(k);
                create temporary table bench_region as
                    select g.k as n, md5('bench-region-' || g.k)::uuid as id from generate_series(0, 7) g(k);
                insert into known_authority (id, name, kind, gss_code, registered_at)
                    select id, 'Bench authority ' || n, 'DISTRICT', 'E0' || lpad(n::text, 7, '0'), timestamptz '2020-01-01'
                    from bench_authority;
                insert into known_region (id, name, kind) select id, 'Bench region ' || n, 'PARTNERSHIP' from bench_region;
                insert into region_membership (region_id, authority_id, joined_on)
                    select r.id, a.id, date '2020-01-01' from bench_authority a join bench_region r on r.n = a.n % 8
                    union all
                    select r.id, a.id, date '2020-01-01' from bench_authority a join bench_region r on r.n = (a.n / 8) % 8
                    where a.n % 10 = 0 and (a.n / 8) % 8 <> a.n % 8;
                -- a membership that ended, as history keeps it
                insert into region_membership (region_id, authority_id, joined_on, left_on)
                    select r.id, a.id, date '2019-01-01', date '2019-12-31' from bench_authority a join bench_region r
                    on r.n = (a.n + 3) % 8 where a.n % 7 = 0;
                create temporary table bench_arrangement as
                    select g.k as n, md5('bench-arrangement-' || g.k)::uuid as id,
                           (select b.id from bench_authority b where b.n = 1 + g.k % 200) as host,
                           array(select b.id from bench_authority b where b.n in (201 + (g.k * 13) % 11300,
                                 201 + (g.k * 17 + 1) % 11300, 201 + (g.k * 19 + 2) % 11300)) as recipients,
                           array(select r.id from bench_region r where r.n in (g.k % 8, case when g.k % 4 = 0 then (g.k / 8) % 8 end))
                               as regions
                    from generate_series(1, 1000) g(k);
                insert into rpt_arrangement (arrangement_id, title, service_area, theme, host_authority_id, party_ids, region_ids,
                                             basis, starts_on, ends_on, status, agreed_at)
                    select id, 'Bench arrangement ' || n,
                           (array['support.hr','support.finance','support.payroll','support.legal','support.ict','support.procurement'])[1 + n % 6],
                           'support', host, host || recipients, regions,
                           case when n % 5 = 0 then 'FIXED_TERM' else 'PERMANENT' end, date '2022-04-01',
                           case when n % 5 = 0 then date '2027-04-01' end, 'ACTIVE', timestamptz '2022-03-01'
                    from bench_arrangement;
                insert into rpt_arrangement_reader (reader_id, arrangement_id)
                    select distinct r, a.id from bench_arrangement a, unnest(a.host || a.recipients || a.regions) r;
                insert into rpt_recipient (arrangement_id, authority_id, joined_on)
                    select a.id, r, date '2022-04-01' from bench_arrangement a, unnest(a.recipients) r;
                insert into rpt_indicator_reading (indicator_id, recipient_authority_id, period, arrangement_id, indicator_name,
                                                   value, target, rating, reported_at, filed_on)
                    select md5(a.id::text || '-' || i)::uuid, a.recipients[1 + (p.q % 4) % 3],
                           to_char(date '2018-01-01' + ((p.q / 4) * interval '1 month'), 'YYYY-MM') || '-' || (p.q % 4),
                           a.id, 'Indicator ' || i, 80 + (a.n * i + p.q) % 20, 95,
                           case when (a.n * i + p.q) % 20 < 3 then 'RED' when (a.n * i + p.q) % 20 < 8 then 'AMBER' else 'GREEN' end,
                           timestamptz '2018-01-01' + p.q * interval '1 week', (timestamptz '2018-01-01' + p.q * interval '1 week')::date
                    from bench_arrangement a, generate_series(1, 10) i, generate_series(0, 99) p(q);
                insert into rpt_indicator_latest (indicator_id, recipient_authority_id, arrangement_id, indicator_name, period,
                                                  value, target, rating, reported_at, filed_on)
                    select distinct on (indicator_id, recipient_authority_id) indicator_id, recipient_authority_id, arrangement_id,
                           indicator_name, period, value, target, rating, reported_at, filed_on
                    from rpt_indicator_reading
                    order by indicator_id, recipient_authority_id, filed_on desc, reported_at desc;
                """, "vacuum (freeze, analyze)");
    }
}
