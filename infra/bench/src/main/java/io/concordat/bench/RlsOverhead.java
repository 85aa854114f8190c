package io.concordat.bench;

import io.concordat.servers.PostgresServer;
import org.HdrHistogram.Histogram;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Row-level security: the same tenant-scoped read (a host's arrangements and their latest
 * indicator ratings, narrowed to the host as the authority dashboard is) with the policies on
 * (as reporting's application role, the host set as tenant) and off (as the superuser, whom
 * policies do not bind). Both return the same rows; the ratio is the policies' cost. Prints
 * {@code EXPLAIN ANALYZE} of both. Reads only; run it after {@code replay} or any bench that filled
 * reporting through its topics.
 */
public final class RlsOverhead {

    private static final String READ = """
            select a.arrangement_id, count(*) filter (where l.rating = 'RED'), count(*) filter (where l.rating = 'AMBER'),
                   count(*)
            from rpt_arrangement a join rpt_indicator_latest l on l.arrangement_id = a.arrangement_id
            where a.host_authority_id = ? group by a.arrangement_id""";

    private RlsOverhead() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = BenchSupport.arguments(args);
        int port = Integer.parseInt(a.getOrDefault("pg-port", "15432"));
        int requests = Integer.parseInt(a.getOrDefault("requests", "500"));
        try (Connection c = DriverManager.getConnection(PostgresServer.jdbcUrl(port, "reporting"), "postgres", "")) {
            UUID host;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                    select a.host_authority_id from rpt_arrangement a join rpt_indicator_latest l using (arrangement_id)
                    group by 1 order by count(*) desc limit 1""")) {
                if (!rs.next()) {
                    throw new IllegalStateException("reporting has no indicators yet: run infra/bench/run replay first");
                }
                host = rs.getObject(1, UUID.class);
            }
            Histogram off = time(c, host, requests, false);
            Histogram on = time(c, host, requests, true);
            BenchSupport.report("policies off (superuser)", off);
            BenchSupport.report("policies on (application role)", on);
            System.out.printf(Locale.ROOT, "throughput on/off: %.2f (p50 off/on)%n",
                    (double) off.getValueAtPercentile(50) / on.getValueAtPercentile(50));
            explain(c, host, false);
            explain(c, host, true);
        }
    }

    private static void scope(Connection c, UUID host, boolean policies) throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute(policies ? "set role reporting_app" : "reset role");
            s.execute("select set_config('concordat.authority_id', '" + host + "', false)");
        }
    }

    private static Histogram time(Connection c, UUID host, int requests, boolean policies) throws Exception {
        scope(c, host, policies);
        Histogram h = new Histogram(3);
        long rows = -1;
        try (PreparedStatement q = c.prepareStatement(READ)) {
            q.setObject(1, host);
            for (int i = 0; i < requests + 50; i++) {
                long t = System.nanoTime();
                long n = 0;
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        n++;
                    }
                }
                if (i >= 50) {
                    h.recordValue((System.nanoTime() - t) / 1000);
                }
                rows = n;
            }
        }
        System.out.printf(Locale.ROOT, "policies %s: %d rows%n", policies ? "on" : "off", rows);
        scope(c, host, false);
        return h;
    }

    private static void explain(Connection c, UUID host, boolean policies) throws Exception {
        scope(c, host, policies);
        System.out.println("EXPLAIN ANALYZE, policies " + (policies ? "on" : "off") + ":");
        try (PreparedStatement q = c.prepareStatement("explain (analyze, buffers) " + READ.replace("?", "'" + host + "'"));
             ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                System.out.println("  " + rs.getString(1));
            }
        }
        scope(c, host, false);
    }
}
