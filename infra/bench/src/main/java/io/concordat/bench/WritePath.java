package io.concordat.bench;

import io.concordat.kit.testing.TestDirectory;
import io.concordat.kit.testing.TestServers;
import io.concordat.kit.testing.TestTokens;
import io.concordat.servers.ChildProcess;
import io.concordat.servers.HttpProbe;
import io.concordat.servers.PostgresServer;
import io.concordat.servers.Waiting;
import org.HdrHistogram.Histogram;

import java.io.File;
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
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The write path: one business write per request (an officer posts a vacancy: its row and its
 * outbox row in one transaction, the event then relayed to Kafka as usual), by {@code clients}
 * closed-loop clients, first to the opportunities service called directly, then through the
 * gateway in front of it; beside them pgbench's TPC-B on the same PostgreSQL, in a database of
 * its own, at the same number of clients. Target: the service at 25% or more of pgbench's
 * transactions a second.
 *
 * <p>Needs no devstack: starts its own PostgreSQL and Kafka, a token issuer whose keys both
 * processes trust, and the opportunities service and the gateway as processes, as the devstack
 * runs them. {@code infra/bench/run write-path [--clients=4 --seconds=30 --warm-up=60]}: each path is
 * warmed up first, since a JVM just started spends most of a short run in its JIT compiler;
 * {@code --jfr=DIR} records a flight recording of each process into DIR;
 * {@code --service-opts=...} and {@code --gateway-opts=...} add JVM options to one process.
 */
public final class WritePath {

    private WritePath() {
    }

    public static void main(String[] args) throws Exception {
        int status = 0;
        try {
            run(args);
        } catch (Exception e) {
            e.printStackTrace();
            status = 1;
        }
        // the token issuer's threads would keep the JVM up; PostgreSQL and Kafka stop on exit
        System.exit(status);
    }

    private static void run(String[] args) throws Exception {
        Map<String, String> a = BenchSupport.arguments(args);
        int clients = Integer.parseInt(a.getOrDefault("clients", "4"));
        int seconds = Integer.parseInt(a.getOrDefault("seconds", "30"));
        int warmUp = Integer.parseInt(a.getOrDefault("warm-up", "60"));
        String jfr = a.get("jfr");
        Path root = Path.of(System.getProperty("concordat.root", ".")).toAbsolutePath();
        Path logs = Files.createTempDirectory("write-path");

        PostgresServer.ServiceDatabase opportunitiesDb = TestServers.database("opportunities");
        PostgresServer.ServiceDatabase gatewayDb = TestServers.database("gateway");
        String kafka = TestServers.kafkaBootstrapServers();
        TestTokens tokens = TestTokens.get();
        int servicePort = BenchSupport.twoFreePorts();
        int gatewayPort = BenchSupport.twoFreePorts();
        List<String> service = java(jfr, "opportunities", servicePort, tokens.issuer(), opportunitiesDb);
        service.addAll(extra(a.get("service-opts")));
        service.addAll(List.of("-Dconcordat.kafka.bootstrap-servers=" + kafka, "-cp", classpath(root, "services/opportunities"),
                "io.concordat.opportunities.Application"));
        List<String> gateway = java(jfr, "gateway", gatewayPort, tokens.issuer(), gatewayDb);
        // allowances far above what the clients send: only the gateway's own cost is measured
        gateway.addAll(List.of("-Dconcordat.management.port=" + (gatewayPort + 1), "-Dconcordat.rate-limits.authority=1000000",
                "-Dconcordat.rate-limits.client=1000000"));
        for (String name : new String[] {"tenants", "opportunities", "hosting", "reporting", "partner-events", "portal"}) {
            gateway.add("-Dconcordat.routes." + name + "=http://127.0.0.1:" + servicePort);
        }
        gateway.addAll(extra(a.get("gateway-opts")));
        gateway.addAll(List.of("-cp", classpath(root, "gateway"), "io.concordat.gateway.Application"));
        try (ChildProcess opportunities = ChildProcess.start("opportunities", service, Map.of(), root,
                logs.resolve("opportunities.log"));
             ChildProcess front = ChildProcess.start("gateway", gateway, Map.of(), root, logs.resolve("gateway.log"))) {
            Waiting.until("opportunities", Duration.ofSeconds(180), opportunities::isAlive,
                    () -> HttpProbe.answersOk("http://127.0.0.1:" + servicePort + "/health"), Waiting.Progress.SILENT);
            Waiting.until("gateway", Duration.ofSeconds(180), front::isAlive,
                    () -> HttpProbe.answersOk("http://127.0.0.1:" + (gatewayPort + 1) + "/health"), Waiting.Progress.SILENT);
            UUID council = UUID.randomUUID();
            TestDirectory.registerAuthorities("opportunities", List.of(council));
            // fresh tokens for each phase: the issuer's last five minutes
            java.util.function.Supplier<List<String>> officers = () -> {
                List<String> each = new ArrayList<>();
                for (int c = 0; c < clients; c++) {
                    each.add(tokens.forAuthority(council, "authority-officer"));
                }
                return each;
            };
            String direct = "http://127.0.0.1:" + servicePort;
            String throughGateway = "http://127.0.0.1:" + gatewayPort;
            System.out.printf(Locale.ROOT, "%nWrite path: %d clients, %d s each (after %d s of warm-up); logs in %s%n", clients,
                    seconds, warmUp, logs);
            post(direct, officers.get(), warmUp, "warm-up, direct", false);
            post(throughGateway, officers.get(), warmUp, "warm-up, through the gateway", false);
            Cpu cpu = new Cpu(opportunities.pid(), front.pid(), postmaster(root), TestServers.postgresPort());
            Result directly = post(direct, officers.get(), seconds, "POST vacancy, service directly", true);
            cpu.report(directly.writes, "write, service directly");
            Result gated = post(throughGateway, officers.get(), seconds, "POST vacancy through the gateway", true);
            cpu.report(gated.writes, "write through the gateway");
            Result pgbench = pgbench(a.getOrDefault("pgbench", findPgbench(root)), TestServers.postgresPort(), clients, seconds);
            cpu.report(pgbench.writes, "pgbench TPC-B transaction");
            System.out.printf(Locale.ROOT, "ratio service directly/pgbench TPC-B: %.2f (load average %s beside pgbench %s)%n",
                    directly.perSecond / pgbench.perSecond, directly.load, pgbench.load);
            System.out.printf(Locale.ROOT, "ratio through the gateway/pgbench TPC-B: %.2f (load average %s beside pgbench %s)%n",
                    gated.perSecond / pgbench.perSecond, gated.load, pgbench.load);
            System.out.println("target: 0.25 or more; " + Runtime.getRuntime().availableProcessors() + " processors");
        }
    }

    private record Result(long writes, double perSecond, String load) {
    }

    /**
     * Processor time each process spent per write in a phase (user and system, from /proc): unlike
     * writes a second, it hardly moves with what else the machine is running, so it says what each
     * part costs. PostgreSQL's is the postmaster's with all its backends, ended ones included.
     */
    private static final class Cpu {
        private final long service;
        private final long gateway;
        private final long postgres;
        private long[] last;

        private final int port;
        private Map<String, Long> lastCommits;

        Cpu(long service, long gateway, long postgres, int port) {
            this.service = service;
            this.gateway = gateway;
            this.postgres = postgres;
            this.port = port;
            this.last = now();
            this.lastCommits = commits();
        }

        /** Each database's committed transactions so far (PostgreSQL's own statistics). */
        private Map<String, Long> commits() {
            Map<String, Long> commits = new java.util.HashMap<>();
            try (Connection c = DriverManager.getConnection(PostgresServer.jdbcUrl(port, "postgres"), "postgres", "");
                 Statement s = c.createStatement()) {
                // the statistics of this session's own view are a snapshot: clear it first
                s.execute("select pg_stat_clear_snapshot()");
                try (ResultSet rs = s.executeQuery("select datname, xact_commit from pg_stat_database where datname is not null")) {
                    while (rs.next()) {
                        commits.put(rs.getString(1), rs.getLong(2));
                    }
                }
            } catch (java.sql.SQLException e) {
                System.out.println("no transaction counts: " + e.getMessage());
            }
            return commits;
        }

        private long[] now() {
            return new long[] {ticks(service, false), ticks(gateway, false), ticks(postgres, true) + children(postgres),
                    compiler(service), compiler(gateway)};
        }

        void report(long writes, String what) {
            Map<String, Long> commits = commits();
            System.out.printf(Locale.ROOT, "transactions committed per %s: opportunities %.2f, gateway %.2f, pgbench %.2f%n", what,
                    (commits.getOrDefault("opportunities", 0L) - lastCommits.getOrDefault("opportunities", 0L)) / (double) writes,
                    (commits.getOrDefault("gateway", 0L) - lastCommits.getOrDefault("gateway", 0L)) / (double) writes,
                    (commits.getOrDefault("bench_pgbench", 0L) - lastCommits.getOrDefault("bench_pgbench", 0L)) / (double) writes);
            lastCommits = commits;
            long[] now = now();
            double tick = 1000.0 / 100; // USER_HZ
            System.out.printf(Locale.ROOT, "processor time per %s: opportunities %.2f ms (JIT compiler %.2f), gateway %.2f ms "
                            + "(JIT compiler %.2f), PostgreSQL %.2f ms%n", what, (now[0] - last[0]) * tick / writes,
                    (now[3] - last[3]) * tick / writes, (now[1] - last[1]) * tick / writes, (now[4] - last[4]) * tick / writes,
                    (now[2] - last[2]) * tick / writes);
            last = now;
        }

        /** utime + stime, and with the reaped children's too when asked. */
        private static long ticks(long pid, boolean reaped) {
            String[] f = stat(pid);
            if (f == null) {
                return 0;
            }
            long t = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            return reaped ? t + Long.parseLong(f[13]) + Long.parseLong(f[14]) : t;
        }

        /** The JIT compiler's threads' share: high until the code is compiled, which takes many requests. */
        private static long compiler(long pid) {
            long sum = 0;
            try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
                for (Path task : tasks.toList()) {
                    String line = Files.readString(task.resolve("stat"));
                    String name = line.substring(line.indexOf('(') + 1, line.lastIndexOf(')'));
                    if (name.contains("CompilerThre")) {
                        String[] f = line.substring(line.lastIndexOf(')') + 2).split(" ");
                        sum += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                    }
                }
            } catch (IOException | RuntimeException gone) {
                return sum;
            }
            return sum;
        }

        private static long children(long parent) {
            long sum = 0;
            try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
                for (Path p : procs.toList()) {
                    String name = p.getFileName().toString();
                    if (name.chars().allMatch(Character::isDigit)) {
                        String[] f = stat(Long.parseLong(name));
                        if (f != null && Long.parseLong(f[1]) == parent) {
                            sum += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                        }
                    }
                }
            } catch (IOException e) {
                return 0;
            }
            return sum;
        }

        /** The fields of /proc/PID/stat after the command's name (state is [0], ppid [1], utime [11]). */
        private static String[] stat(long pid) {
            try {
                String line = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
                return line.substring(line.lastIndexOf(')') + 2).split(" ");
            } catch (IOException | RuntimeException gone) {
                return null;
            }
        }
    }

    private static long postmaster(Path root) throws IOException {
        Path pid = root.resolve("target/test-servers/pg-data/postmaster.pid");
        return Files.isReadable(pid) ? Long.parseLong(Files.readAllLines(pid).get(0).trim()) : -1;
    }

    private static List<String> java(String jfr, String name, int port, String issuer, PostgresServer.ServiceDatabase db) {
        // the devstack's settings for every service process
        List<String> command = new ArrayList<>(List.of(ChildProcess.javaExecutable(), "-Xmx384m", "-XX:+UseSerialGC",
                "-Dconcordat.http.port=" + port, "-Dmicronaut.server.host=127.0.0.1", "-Dconcordat.oidc.issuer=" + issuer,
                "-Dconcordat.db.url=" + db.jdbcUrl(), "-Dconcordat.db.owner-user=" + db.ownerUser(),
                "-Dconcordat.db.owner-password=" + db.ownerPassword(), "-Dconcordat.db.app-user=" + db.appUser(),
                "-Dconcordat.db.app-password=" + db.appPassword()));
        if (jfr != null) {
            command.add("-XX:StartFlightRecording=settings=profile,filename=" + Path.of(jfr).toAbsolutePath().resolve(name + ".jfr"));
        }
        return command;
    }

    /** Further JVM options for one process, space-separated: for trying a setting without a rebuild. */
    private static List<String> extra(String options) {
        return options == null || options.isBlank() ? List.of() : List.of(options.trim().split("\\s+"));
    }

    private static String classpath(Path root, String module) throws IOException {
        Path dir = root.resolve(module);
        return dir.resolve("target/classes") + File.pathSeparator
                + Files.readString(dir.resolve("target/runtime-classpath.txt")).trim();
    }

    private static Result post(String base, List<String> officers, int seconds, String what, boolean report) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI uri = URI.create(base + "/api/v1/opportunities/vacancies");
        Histogram h = new Histogram(3);
        AtomicInteger done = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        List<String> refusals = java.util.Collections.synchronizedList(new ArrayList<>());
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < officers.size(); c++) {
            int client = c;
            Thread t = new Thread(() -> {
                int n = 0;
                while (System.nanoTime() < end) {
                    String body = """
                            {"title":"Benchmark post %d-%d","serviceArea":"support.elections","grade":"M1","closingDate":"%s"}"""
                            .formatted(client, n++, LocalDate.now().plusMonths(2));
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri)
                                .header("Authorization", "Bearer " + officers.get(client)).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() == 201) {
                            synchronized (h) {
                                h.recordValue((System.nanoTime() - t0) / 1000);
                            }
                            done.incrementAndGet();
                        } else {
                            failed.incrementAndGet();
                            if (refusals.size() < 3) {
                                refusals.add(r.statusCode() + " " + r.body());
                            }
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
        double perSecond = done.get() / (double) seconds;
        String load = BenchSupport.loadAverage();
        if (report) {
            BenchSupport.report(what, h);
            System.out.printf(Locale.ROOT, "%s: %d writes in %d s with %d clients: %.1f a second (%d refused or failed); "
                    + "load average %s%n", what, done.get(), seconds, officers.size(), perSecond, failed.get(), load);
        }
        if (!refusals.isEmpty()) {
            System.out.println(what + ": refused, for example " + refusals);
        }
        return new Result(done.get(), perSecond, load);
    }

    private static Result pgbench(String pgbench, int port, int clients, int seconds) throws Exception {
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
        Matcher latency = Pattern.compile("latency average = ([0-9.]+ ms)").matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("pgbench said: " + out);
        }
        double tps = Double.parseDouble(m.group(1));
        String load = BenchSupport.loadAverage();
        System.out.printf(Locale.ROOT, "pgbench TPC-B (scale 4, %d clients, %d s): %.1f transactions a second, latency "
                + "average %s; load average %s%n", clients, seconds, tps, latency.find() ? latency.group(1) : "?", load);
        return new Result(Math.round(tps * seconds), tps, load);
    }

    private static String run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }



    /** pgbench from the PostgreSQL binaries unpacked for this run or the devstack, else from the machine's PostgreSQL. */
    private static String findPgbench(Path root) throws IOException {
        for (Path dir : List.of(root.resolve("target/test-servers"), root.resolve(".devstack"), Path.of("/usr/lib/postgresql"))) {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> found = Files.walk(dir, 6)) {
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
