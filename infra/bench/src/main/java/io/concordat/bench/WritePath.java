package io.concordat.bench;

import io.concordat.servers.PostgresServer;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The write path: one business write per request through the gateway (an officer posts a vacancy:
 * its row and its outbox row in one transaction, the event then relayed as usual), at the given
 * concurrency; beside it pgbench's TPC-B on the same PostgreSQL, in a database of its own, at the
 * same number of clients. Target: the service at 25% or more of pgbench's transactions a second.
 */
public final class WritePath {

    private WritePath() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = BenchSupport.arguments(args);
        String gateway = a.getOrDefault("gateway", "http://127.0.0.1:8080");
        String keycloak = a.getOrDefault("keycloak", "http://127.0.0.1:8180");
        int port = Integer.parseInt(a.getOrDefault("pg-port", "15432"));
        int clients = Integer.parseInt(a.getOrDefault("clients", "4"));
        int seconds = Integer.parseInt(a.getOrDefault("seconds", "30"));

        double service = throughTheService(gateway, BenchSupport.signIn(keycloak, "officer.bromsgrove"), clients, seconds);
        double pgbench = pgbench(a.getOrDefault("pgbench", findPgbench()), port, clients, seconds);
        System.out.printf(Locale.ROOT, "ratio service/pgbench TPC-B: %.2f%n", service / pgbench);
    }

    private static double throughTheService(String gateway, String token, int clients, int seconds) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Histogram h = new Histogram(3);
        AtomicInteger done = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread t = new Thread(() -> {
                int n = 0;
                while (System.nanoTime() < end) {
                    String body = """
                            {"title":"Benchmark post %d-%d","serviceArea":"support.elections","grade":"M1","closingDate":"%s"}"""
                            .formatted(client, n++, LocalDate.now().plusMonths(2));
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/opportunities/vacancies"))
                                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() / 100 == 2) {
                            synchronized (h) {
                                h.recordValue((System.nanoTime() - t0) / 1000);
                            }
                            done.incrementAndGet();
                        } else {
                            failed.incrementAndGet();
                        }
                    } catch (IOException | InterruptedException e) {
                        failed.incrementAndGet();
                    }
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        double tps = done.get() / (double) seconds;
        BenchSupport.report("POST vacancy through the gateway", h);
        System.out.printf(Locale.ROOT, "service: %d writes in %d s with %d clients: %.1f a second (%d refused or failed)%n",
                done.get(), seconds, clients, tps, failed.get());
        return tps;
    }

    private static double pgbench(String pgbench, int port, int clients, int seconds) throws Exception {
        try (Connection c = DriverManager.getConnection(PostgresServer.jdbcUrl(port, "postgres"), "postgres", "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select 1 from pg_database where datname = 'bench_pgbench'")) {
            if (!rs.next()) {
                s.execute("create database bench_pgbench");
            }
        }
        run(List.of(pgbench, "-i", "-q", "-s", "4", "-h", "127.0.0.1", "-p", Integer.toString(port), "-U", "postgres",
                "bench_pgbench"));
        String out = run(List.of(pgbench, "-c", Integer.toString(clients), "-j", "2", "-T", Integer.toString(seconds),
                "-h", "127.0.0.1", "-p", Integer.toString(port), "-U", "postgres", "bench_pgbench"));
        Matcher m = Pattern.compile("tps = ([0-9.]+)").matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("pgbench said: " + out);
        }
        double tps = Double.parseDouble(m.group(1));
        System.out.printf(Locale.ROOT, "pgbench TPC-B (scale 4, %d clients, %d s): %.1f transactions a second%n", clients,
                seconds, tps);
        return tps;
    }

    private static String run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }

    /** pgbench from the PostgreSQL binaries the devstack unpacked, else from the machine's PostgreSQL. */
    private static String findPgbench() throws IOException {
        for (Path root : List.of(Path.of(".devstack"), Path.of("/usr/lib/postgresql"))) {
            if (Files.isDirectory(root)) {
                try (Stream<Path> found = Files.walk(root, 6)) {
                    var pgbench = found.filter(p -> p.getFileName().toString().equals("pgbench") && Files.isExecutable(p))
                            .findFirst();
                    if (pgbench.isPresent()) {
                        return pgbench.get().toString();
                    }
                }
            }
        }
        throw new IllegalStateException("no pgbench: pass --pgbench=/path/to/pgbench");
    }
}
