package io.concordat.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** What every benchmark shares: arguments, signing in to the devstack, and reporting percentiles. */
final class BenchSupport {

    private BenchSupport() {
    }

    /** {@code --name=value} arguments. */
    static Map<String, String> arguments(String[] args) {
        Map<String, String> a = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0) {
                throw new IllegalArgumentException("arguments are --name=value; got " + arg);
            }
            a.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
        return a;
    }

    private static volatile long signedInAt;

    /** Whether the last token is near its end (the realm's tokens last five minutes). */
    static boolean expired() {
        return System.nanoTime() - signedInAt > Duration.ofMinutes(4).toNanos();
    }

    /** A demo user's access token, through the command-line client. */
    static String signIn(String keycloak, String user) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(keycloak + "/realms/concordat/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=concordat-cli&username=" + user
                        + "&password=concordat-demo")).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("sign-in failed: " + response.body());
        }
        signedInAt = System.nanoTime();
        return new ObjectMapper().readTree(response.body()).get("access_token").asText();
    }

    /** Prints n and percentiles of a histogram of microseconds, in milliseconds. */
    static void report(String what, Histogram h) {
        System.out.printf(Locale.ROOT, "%-34s n=%d p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms%n", what,
                h.getTotalCount(), h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(95) / 1000.0,
                h.getValueAtPercentile(99) / 1000.0, h.getMaxValue() / 1000.0);
    }

    static void ratios(String what, Histogram a, Histogram b) {
        System.out.printf(Locale.ROOT, "ratio %s: p50 %.2f, p95 %.2f, p99 %.2f%n", what, ratio(a, b, 50),
                ratio(a, b, 95), ratio(a, b, 99));
    }

    private static double ratio(Histogram a, Histogram b, double percentile) {
        return (double) a.getValueAtPercentile(percentile) / b.getValueAtPercentile(percentile);
    }

    /** The machine's 1-, 5- and 15-minute load averages, where Linux gives them. */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** A free port whose next port is free too: for a process and its management port. */
    static int twoFreePorts() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (ServerSocket first = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                int port = first.getLocalPort();
                try (ServerSocket second = new ServerSocket(port + 1, 1, InetAddress.getLoopbackAddress())) {
                    return port;
                } catch (IOException taken) {
                    // try another pair
                }
            }
        }
        throw new IOException("no two free ports in a row");
    }
}
