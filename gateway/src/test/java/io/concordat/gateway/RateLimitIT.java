package io.concordat.gateway;

import io.concordat.kit.tenancy.Roles;
import io.concordat.kit.testing.TestServers;
import io.concordat.kit.testing.TestTokens;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Small limits, so that a flood is quick: 10 requests a minute per caller, 20 per authority, 100 per platform administrator. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RateLimitIT implements TestPropertyProvider {

    private static final int CALLER = 10;
    private static final int AUTHORITY = 20;
    private static final int ADMIN = 100;
    private static final String PATH = "/api/v1/opportunities/opportunities";

    private final StandInService upstream = new StandInService();
    private final HttpClient raw = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final TestTokens tokens = TestTokens.get();
    private Map<String, String> properties;

    @Inject
    EmbeddedServer server;

    @Inject
    MeterRegistry meters;

    @Override
    public Map<String, String> getProperties() {
        properties = GatewayTestProperties.of(upstream.url());
        properties.put("concordat.rate-limits.client", String.valueOf(CALLER));
        properties.put("concordat.rate-limits.authority", String.valueOf(AUTHORITY));
        properties.put("concordat.rate-limits.platform-admin", String.valueOf(ADMIN));
        properties.put("concordat.gateway.rate-limits.timeout", "500ms");
        return properties;
    }

    @AfterAll
    void stopUpstream() {
        upstream.close();
    }

    @Test
    void aTenantFloodingAtTenTimesItsLimitGets429sWithRetryAfterWhileAnotherTenantsRequestsAllSucceed() throws Exception {
        UUID flooding = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        // twenty people of one council, ten requests each (each within their own allowance): ten times the council's
        List<String> flooders = IntStream.range(0, 20).mapToObj(i -> tokens.forAuthority(flooding, Roles.AUTHORITY_OFFICER)).toList();
        List<String> others = IntStream.range(0, 3).mapToObj(i -> tokens.forAuthority(other, Roles.AUTHORITY_OFFICER)).toList();

        ExecutorService pool = Executors.newFixedThreadPool(12);
        long started = System.nanoTime();
        try {
            List<Future<HttpResponse<String>>> flood = new ArrayList<>();
            List<Future<HttpResponse<String>>> quiet = new ArrayList<>();
            for (int i = 0; i < 10 * AUTHORITY; i++) {
                String token = flooders.get(i % flooders.size());
                flood.add(pool.submit(() -> get(server.getPort(), token)));
                if (i % 14 == 0) {
                    String otherToken = others.get(quiet.size() % others.size());
                    quiet.add(pool.submit(() -> get(server.getPort(), otherToken)));
                }
            }
            int served = 0;
            int refused = 0;
            for (Future<HttpResponse<String>> f : flood) {
                HttpResponse<String> response = f.get();
                if (response.statusCode() == 200) {
                    served++;
                } else {
                    assertEquals(429, response.statusCode(), response.body());
                    refused++;
                    long retryAfter = Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow());
                    assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
                    assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
                    assertTrue(response.body().contains("rate-limited"), response.body());
                    assertEquals("0", response.headers().firstValue("RateLimit-Remaining").orElseThrow());
                    assertEquals(String.valueOf(AUTHORITY), response.headers().firstValue("RateLimit-Limit").orElseThrow());
                }
            }
            // the allowance refills evenly, one request every 60 / AUTHORITY seconds while the flood lasts
            long refilled = (System.nanoTime() - started) / 1_000_000_000L / (60 / AUTHORITY) + 1;
            assertTrue(served >= AUTHORITY && served <= AUTHORITY + refilled, "served " + served + " of the council's "
                    + AUTHORITY + " (+" + refilled + " refilled)");
            assertEquals(10 * AUTHORITY - served, refused);
            assertEquals(15, quiet.size());
            for (Future<HttpResponse<String>> f : quiet) {
                assertEquals(200, f.get().statusCode(), "the other council is not slowed by the flood");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void oneCallerCannotUseUpTheirCouncilsWholeAllowance() throws Exception {
        UUID council = UUID.randomUUID();
        String script = tokens.forAuthority(council, Roles.AUTHORITY_OFFICER);
        for (int i = 0; i < CALLER; i++) {
            HttpResponse<String> served = get(server.getPort(), script);
            assertEquals(200, served.statusCode());
            assertEquals(String.valueOf(CALLER - 1 - i), served.headers().firstValue("RateLimit-Remaining").orElseThrow());
            assertEquals(String.valueOf(CALLER), served.headers().firstValue("RateLimit-Limit").orElseThrow());
            assertEquals(CALLER + ";w=60", served.headers().firstValue("RateLimit-Policy").orElseThrow());
            assertTrue(Long.parseLong(served.headers().firstValue("RateLimit-Reset").orElseThrow()) >= 1);
        }
        HttpResponse<String> refused = get(server.getPort(), script);
        assertEquals(429, refused.statusCode());
        assertTrue(refused.body().contains("caller"), refused.body());
        assertEquals(200, get(server.getPort(), tokens.forAuthority(council, Roles.AUTHORITY_OFFICER)).statusCode(),
                "a colleague still has their own allowance");
    }

    @Test
    void onceACouncilsAllowanceIsSeenUsedUpItsRequestsAreRefusedWithoutAskingTheDatabase() throws Exception {
        UUID council = UUID.randomUUID();
        // two colleagues use up the council's allowance between them, each within their own
        for (int person = 0; person < AUTHORITY / CALLER; person++) {
            String colleague = tokens.forAuthority(council, Roles.AUTHORITY_OFFICER);
            for (int i = 0; i < CALLER; i++) {
                assertEquals(200, get(server.getPort(), colleague).statusCode());
            }
        }
        String third = tokens.forAuthority(council, Roles.AUTHORITY_OFFICER);
        assertEquals(429, get(server.getPort(), third).statusCode(), "the council's allowance is used up");

        double before = bucketReads();
        long started = System.nanoTime();
        int refused = 0;
        for (int i = 0; i < 10; i++) {
            HttpResponse<String> response = get(server.getPort(), i % 2 == 0 ? third : tokens.forAuthority(council, Roles.AUTHORITY_OFFICER));
            if (response.statusCode() == 429) {
                refused++;
                assertTrue(response.headers().firstValue("Retry-After").isPresent());
                assertTrue(response.body().contains("authority"), response.body());
            }
        }
        long refills = (System.nanoTime() - started) / (60_000_000_000L / AUTHORITY);
        double reads = bucketReads() - before;

        // none before the council's next token is due (one every 3 s); two buckets a request after each
        assertTrue(reads <= 2 * refills, reads + " reads of the buckets for " + refused + " refusals and " + refills + " refills");
        assertTrue(refused >= 10 - refills, refused + " refused");
    }

    /** How often the rate limits' pool has handed out a connection: once per bucket asked. */
    private double bucketReads() {
        return meters.find("hikaricp.connections.acquire").tag("pool", "rate-limits").timer().count();
    }

    @Test
    void aPlatformAdministratorHasALargerAllowance() throws Exception {
        String admin = tokens.withoutAuthority(Roles.PLATFORM_ADMIN);
        for (int i = 0; i < 3 * AUTHORITY; i++) {
            assertEquals(200, get(server.getPort(), admin).statusCode(), "request " + i);
        }
        HttpResponse<String> last = get(server.getPort(), admin);
        assertEquals(String.valueOf(ADMIN), last.headers().firstValue("RateLimit-Limit").orElseThrow());
    }

    @Test
    void everyGatewayReplicaDrawsOnTheSameAllowance() throws Exception {
        Map<String, Object> second = new HashMap<>(properties);
        second.put("concordat.management.port", String.valueOf(GatewayTestProperties.freePort()));
        second.put("micronaut.server.port", "-1");
        try (EmbeddedServer other = ApplicationContext.run(EmbeddedServer.class, second, "test")) {
            UUID council = UUID.randomUUID();
            int served = 0;
            for (int i = 0; i < 2 * AUTHORITY; i++) {
                // a new caller each time: only the council's allowance counts
                String token = tokens.forAuthority(council, Roles.AUTHORITY_OFFICER);
                int port = i % 2 == 0 ? server.getPort() : other.getPort();
                if (get(port, token).statusCode() == 200) {
                    served++;
                }
            }
            assertEquals(AUTHORITY, served, "two replicas, one allowance");
        }
    }

    @Test
    void whenTheRateLimitsDatabaseCannotBeReachedAnApiRequestIs503WithRetryAfter() throws Exception {
        String token = tokens.forAuthority(UUID.randomUUID(), Roles.AUTHORITY_OFFICER);
        String appRole = properties.get("concordat.db.app-user");
        try {
            asSuperuser("alter role " + appRole + " nologin",
                    "select pg_terminate_backend(pid) from pg_stat_activity where usename = '" + appRole + "'");
            HttpResponse<String> response = get(server.getPort(), token);
            assertEquals(503, response.statusCode(), response.body());
            assertEquals("5", response.headers().firstValue("Retry-After").orElseThrow());
            assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
            assertEquals(List.of(), upstream.received().stream().filter(r -> r.headers().getFirst("Authorization")
                    .equals("Bearer " + token)).toList(), "nothing reached the service unchecked");
        } finally {
            asSuperuser("alter role " + appRole + " login");
        }
        long deadline = System.nanoTime() + 20_000_000_000L;
        int status;
        do {
            Thread.sleep(200);
            status = get(server.getPort(), token).statusCode();
        } while (status != 200 && System.nanoTime() < deadline);
        assertEquals(200, status, "served again once the database is back");
    }

    private HttpResponse<String> get(int port, String token) throws Exception {
        return raw.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + PATH))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void asSuperuser(String... statements) throws Exception {
        try (Connection c = DriverManager.getConnection(TestServers.database(GatewayTestProperties.DATABASE).jdbcUrl(),
                "postgres", ""); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }
}
