package io.concordat.bench;

import org.HdrHistogram.Histogram;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * What the gateway costs: the same request sent through the gateway and straight to the owning
 * service, in alternating rounds on the same machine, with the same token and concurrency.
 * Reports p50, p95 and p99 for each and the ratio gateway / direct.
 *
 * <p>Runs against a running devstack: {@code ./infra/bench/run gateway-overhead}.
 */
public final class GatewayOverhead {

    private GatewayOverhead() {
    }

    public static void main(String[] args) throws Exception {
        Settings s = Settings.parse(args);
        String token = BenchSupport.signIn(s.keycloak(), s.user());
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI viaGateway = URI.create(s.gateway() + s.path());
        URI direct = URI.create(s.direct() + s.path());

        System.out.printf(Locale.ROOT, "GET %s, %d requests each way, %d at a time, %d rounds%n", s.path(),
                s.requests(), s.concurrency(), s.rounds());
        run(client, viaGateway, token, 200, s.concurrency(), new Histogram(3));
        run(client, direct, token, 200, s.concurrency(), new Histogram(3));

        Histogram gateway = new Histogram(3);
        Histogram service = new Histogram(3);
        int perRound = s.requests() / s.rounds();
        for (int round = 0; round < s.rounds(); round++) {
            run(client, direct, token, perRound, s.concurrency(), service);
            run(client, viaGateway, token, perRound, s.concurrency(), gateway);
        }
        BenchSupport.report("direct to the service", service);
        BenchSupport.report("through the gateway", gateway);
        BenchSupport.ratios("gateway/direct", gateway, service);
    }

    private static void run(HttpClient client, URI uri, String token, int requests, int concurrency, Histogram into)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<?>> workers = new ArrayList<>();
            int each = requests / concurrency;
            for (int w = 0; w < concurrency; w++) {
                workers.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        long start = System.nanoTime();
                        HttpResponse<Void> response = client.send(HttpRequest.newBuilder(uri)
                                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.discarding());
                        long micros = (System.nanoTime() - start) / 1_000;
                        if (response.statusCode() != 200) {
                            throw new IllegalStateException(uri + " answered " + response.statusCode());
                        }
                        synchronized (into) {
                            into.recordValue(micros);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    record Settings(String gateway, String direct, String keycloak, String path, String user, int requests,
                    int concurrency, int rounds) {

        static Settings parse(String[] args) {
            java.util.Map<String, String> a = BenchSupport.arguments(args);
            return new Settings(a.getOrDefault("gateway", "http://127.0.0.1:8080"),
                    a.getOrDefault("direct", "http://127.0.0.1:8084"),
                    a.getOrDefault("keycloak", "http://127.0.0.1:8180"),
                    a.getOrDefault("path", "/api/v1/reporting/pipeline"),
                    a.getOrDefault("user", "officer.bromsgrove"),
                    Integer.parseInt(a.getOrDefault("requests", "4000")),
                    Integer.parseInt(a.getOrDefault("concurrency", "4")),
                    Integer.parseInt(a.getOrDefault("rounds", "4")));
        }
    }
}
