package io.concordat.bench;

import com.sun.net.httpserver.HttpServer;
import io.concordat.kit.testing.TestServers;
import io.concordat.kit.testing.TestTokens;
import io.concordat.servers.ChildProcess;
import io.concordat.servers.HttpProbe;
import io.concordat.servers.PostgresServer;
import io.concordat.servers.Waiting;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Whether one council's flood slows another council down: a quiet council's requests through the
 * gateway, at a steady rate within its allowance, timed alone and while another council sends ten
 * times its allowance, in alternating rounds in one run. Reports each round's quiet p50 and p99
 * alone and beside the flood, their ratio and the machine's load average; then the median of the
 * rounds' ratios (target: p99 at most 1.2 times; a median, because one round on a busy machine can
 * land on another process's burst), the pooled percentiles, and what the flood got.
 *
 * <p>Needs no devstack: starts its own PostgreSQL (the gateway's buckets), a token issuer, a stand-in
 * service that answers at once (so that only the gateway's cost is measured) and the gateway, as a
 * process, as the devstack runs it. {@code ./infra/bench/run rate-limit-flood [--limit=20 --quiet-rate=10
 * --seconds=10 --rounds=5]}: limits are per second here, so that a short run holds many requests.
 */
public final class RateLimitFlood {

    private RateLimitFlood() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = BenchSupport.arguments(args);
        int limit = Integer.parseInt(a.getOrDefault("limit", "20"));
        int quietRate = Integer.parseInt(a.getOrDefault("quiet-rate", "10"));
        int seconds = Integer.parseInt(a.getOrDefault("seconds", "10"));
        int rounds = Integer.parseInt(a.getOrDefault("rounds", "5"));
        Path root = Path.of(System.getProperty("concordat.root", ".")).toAbsolutePath();

        PostgresServer.ServiceDatabase db = TestServers.database("gateway_bench");
        TestTokens tokens = TestTokens.get();
        HttpServer service = standIn();
        int port = BenchSupport.twoFreePorts();
        Path logs = Files.createTempDirectory("rate-limit-flood");
        try (ChildProcess gateway = startGateway(root, port, db, tokens.issuer(),
                "http://127.0.0.1:" + service.getAddress().getPort(), limit, logs)) {
            Waiting.until("gateway", Duration.ofSeconds(120), gateway::isAlive,
                    () -> HttpProbe.answersOk("http://127.0.0.1:" + (port + 1) + "/health"), Waiting.Progress.SILENT);
            URI uri = URI.create("http://127.0.0.1:" + port + "/api/v1/opportunities/opportunities");
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .executor(Executors.newFixedThreadPool(8)).build();

            UUID quietCouncil = UUID.randomUUID();
            UUID floodingCouncil = UUID.randomUUID();
            // each caller within its own allowance, so that only the councils' allowances count
            List<String> quiet = callers(tokens, quietCouncil, 4);
            List<String> flooders = callers(tokens, floodingCouncil, 20);

            System.out.printf(Locale.ROOT, "Allowance %d requests a second per council; the quiet council sends %d a second, "
                    + "the flooding one %d (10x); %d rounds of %d s each way%n", limit, quietRate, 10 * limit, rounds, seconds);
            Load warmUp = new Load();
            drive(client, uri, quiet, quietRate, 3, warmUp, flooders, 10 * limit, new Load());

            Load alone = new Load();
            Load beside = new Load();
            Load flood = new Load();
            List<Double> p99Ratios = new ArrayList<>();
            List<Double> p50Ratios = new ArrayList<>();
            // which goes first alternates, so that neither side always follows the other
            for (int round = 0; round < rounds; round++) {
                Load roundAlone = new Load();
                Load roundBeside = new Load();
                String loadBefore = BenchSupport.loadAverage();
                if (round % 2 == 0) {
                    drive(client, uri, quiet, quietRate, seconds, roundAlone, List.of(), 0, null);
                }
                drive(client, uri, quiet, quietRate, seconds, roundBeside, flooders, 10 * limit, flood);
                if (round % 2 == 1) {
                    drive(client, uri, quiet, quietRate, seconds, roundAlone, List.of(), 0, null);
                }
                alone.add(roundAlone);
                beside.add(roundBeside);
                double p99 = ratio(roundBeside.latency, roundAlone.latency, 99);
                double p50 = ratio(roundBeside.latency, roundAlone.latency, 50);
                p99Ratios.add(p99);
                p50Ratios.add(p50);
                System.out.printf(Locale.ROOT, "round %d: quiet p50/p99 alone %.2f/%.2f ms, beside the flood %.2f/%.2f ms; "
                                + "ratio p50 %.2f, p99 %.2f; load average %s -> %s%n", round + 1,
                        ms(roundAlone.latency, 50), ms(roundAlone.latency, 99), ms(roundBeside.latency, 50),
                        ms(roundBeside.latency, 99), p50, p99, loadBefore, BenchSupport.loadAverage());
            }
            BenchSupport.report("quiet council, alone", alone.latency);
            BenchSupport.report("quiet council, beside the flood", beside.latency);
            BenchSupport.ratios("beside/alone, all rounds pooled", beside.latency, alone.latency);
            System.out.printf(Locale.ROOT, "median of %d rounds' ratios beside/alone: p50 %.2f, p99 %.2f (p99 per round %s; target <= 1.2)%n",
                    rounds, median(p50Ratios), median(p99Ratios),
                    p99Ratios.stream().map(r -> String.format(Locale.ROOT, "%.2f", r)).toList());
            System.out.printf(Locale.ROOT, "quiet council: %d of %d answered 200 alone, %d of %d beside the flood%n",
                    alone.ok.get(), alone.sent.get(), beside.ok.get(), beside.sent.get());
            System.out.printf(Locale.ROOT, "flooding council: %d sent, %d served, %d refused with 429 and Retry-After, %d other%n",
                    flood.sent.get(), flood.ok.get(), flood.limited.get(), flood.other.get());
            BenchSupport.report("flooding council (mostly 429)", flood.latency);
            System.out.println("load average at the end: " + BenchSupport.loadAverage() + " (" + Runtime.getRuntime().availableProcessors()
                    + " processors)");
        } finally {
            service.stop(0);
        }
        // the token issuer's and the clients' threads would keep the JVM up; PostgreSQL stops on exit
        System.exit(0);
    }

    /** Requests sent, their outcomes and the latency of those answered 200 (microseconds). */
    private static final class Load {
        final Histogram latency = new Histogram(3);
        final AtomicLong sent = new AtomicLong();
        final AtomicLong ok = new AtomicLong();
        final AtomicLong limited = new AtomicLong();
        final AtomicLong other = new AtomicLong();

        void add(Load round) {
            latency.add(round.latency);
            sent.addAndGet(round.sent.get());
            ok.addAndGet(round.ok.get());
            limited.addAndGet(round.limited.get());
            other.addAndGet(round.other.get());
        }
    }

    private static double ratio(Histogram a, Histogram b, double percentile) {
        return (double) a.getValueAtPercentile(percentile) / b.getValueAtPercentile(percentile);
    }

    private static double ms(Histogram h, double percentile) {
        return h.getValueAtPercentile(percentile) / 1000.0;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }


    /** Open loop: each request leaves on its schedule whether or not earlier ones are answered. */
    private static void drive(HttpClient client, URI uri, List<String> quiet, int quietRate, int seconds, Load quietLoad,
                              List<String> flooders, int floodRate, Load floodLoad) throws Exception {
        ScheduledExecutorService clock = Executors.newScheduledThreadPool(2);
        List<CompletableFuture<Void>> pending = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicLong q = new AtomicLong();
        AtomicLong f = new AtomicLong();
        clock.scheduleAtFixedRate(() -> pending.add(send(client, uri, quiet.get((int) (q.getAndIncrement() % quiet.size())),
                quietLoad, true)), 0, 1_000_000 / quietRate, TimeUnit.MICROSECONDS);
        if (floodRate > 0) {
            clock.scheduleAtFixedRate(() -> pending.add(send(client, uri, flooders.get((int) (f.getAndIncrement() % flooders.size())),
                    floodLoad, false)), 0, 1_000_000 / floodRate, TimeUnit.MICROSECONDS);
        }
        Thread.sleep(seconds * 1000L);
        clock.shutdownNow();
        clock.awaitTermination(5, TimeUnit.SECONDS);
        synchronized (pending) {
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        }
    }

    private static CompletableFuture<Void> send(HttpClient client, URI uri, String token, Load load, boolean mustSucceed) {
        long start = System.nanoTime();
        load.sent.incrementAndGet();
        return client.sendAsync(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.discarding()).thenAccept(response -> {
            long micros = (System.nanoTime() - start) / 1_000;
            if (response.statusCode() == 200) {
                load.ok.incrementAndGet();
                synchronized (load.latency) {
                    load.latency.recordValue(micros);
                }
            } else if (response.statusCode() == 429 && response.headers().firstValue("Retry-After").isPresent()) {
                load.limited.incrementAndGet();
            } else {
                load.other.incrementAndGet();
            }
            if (mustSucceed && response.statusCode() != 200) {
                System.out.println("quiet council answered " + response.statusCode());
            }
        });
    }

    private static List<String> callers(TestTokens tokens, UUID council, int n) {
        List<String> callers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            callers.add(tokens.forAuthority(council, "authority-officer"));
        }
        return callers;
    }

    private static ChildProcess startGateway(Path root, int port, PostgresServer.ServiceDatabase db, String issuer,
                                             String upstream, int limit, Path logs) throws IOException {
        Path module = root.resolve("gateway");
        String classpath = module.resolve("target/classes") + java.io.File.pathSeparator
                + Files.readString(module.resolve("target/runtime-classpath.txt")).trim();
        List<String> command = new ArrayList<>(List.of(ChildProcess.javaExecutable(), "-Xmx384m", "-XX:+UseSerialGC",
                "-Dconcordat.http.port=" + port, "-Dmicronaut.server.host=127.0.0.1",
                "-Dconcordat.management.port=" + (port + 1),
                "-Dconcordat.oidc.issuer=" + issuer,
                "-Dconcordat.db.url=" + db.jdbcUrl(), "-Dconcordat.db.owner-user=" + db.ownerUser(),
                "-Dconcordat.db.owner-password=" + db.ownerPassword(), "-Dconcordat.db.app-user=" + db.appUser(),
                "-Dconcordat.db.app-password=" + db.appPassword(),
                "-Dconcordat.rate-limits.period=1s", "-Dconcordat.rate-limits.authority=" + limit,
                "-Dconcordat.rate-limits.client=" + limit, "-Dconcordat.rate-limits.platform-admin=" + 10 * limit));
        for (String name : new String[] {"tenants", "opportunities", "hosting", "reporting", "partner-events", "portal"}) {
            command.add("-Dconcordat.routes." + name + "=" + upstream);
        }
        command.addAll(List.of("-cp", classpath, "io.concordat.gateway.Application"));
        return ChildProcess.start("gateway", command, Map.of(), root, logs.resolve("gateway.log"));
    }

    /** A service that answers every request at once, so that the figures are the gateway's. */
    private static HttpServer standIn() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        server.setExecutor(Executors.newFixedThreadPool(8));
        byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server;
    }

}
