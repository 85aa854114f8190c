package io.concordat.gateway;

import io.concordat.kit.tenancy.Roles;
import io.concordat.kit.testing.TestTokens;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gateway under requests no honest client sends: each is answered at once with a problem, the
 * service behind never sees it, and nothing it does reaches another client's connection.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatewayUnderHostileUseIT implements TestPropertyProvider {

    private static final String HUB = "https://data-hub.example.org";
    /** Far above a normal answer here (a few milliseconds) and far below the stalls a poisoned connection causes (30 s and more). */
    private static final Duration ORDINARY = Duration.ofSeconds(5);

    private final TestTokens tokens = TestTokens.get();
    private final StandInService upstream = new StandInService();
    private final String token = tokens.forAuthority(UUID.randomUUID(), Roles.AUTHORITY_OFFICER);

    @Inject
    EmbeddedServer gateway;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = GatewayTestProperties.of(upstream.url());
        properties.put("concordat.cors.allowed-origins", HUB);
        // these clients send thousands of requests with one token; the limits have their own test (RateLimitIT)
        properties.put("concordat.rate-limits.client", "1000000");
        properties.put("concordat.rate-limits.authority", "1000000");
        return properties;
    }

    @BeforeEach
    void forget() {
        upstream.forget();
    }

    @AfterAll
    void stopUpstream() {
        upstream.close();
    }

    @Test
    void anOversizedBodyIs413AtOnceAndTheConnectionIsClosedSoItCannotStallTheNextRequest() {
        try (RawHttp client = raw()) {
            RawHttp.Response tooLarge = client.exchange(post("/api/v1/opportunities/opportunities", 2_000_000), new byte[2_000_000]);

            assertProblem(413, "request-too-large", tooLarge);
            assertEquals("close", tooLarge.header("Connection"));
            assertEquals(0, client.read().status(), "the gateway closed the connection instead of reading on");
        }
        assertEquals(0, upstream.received().size());
    }

    @Test
    void aChunkedBodyThatGrowsPastTheLimitIs413() {
        try (RawHttp client = raw()) {
            String head = "POST /api/v1/opportunities/opportunities HTTP/1.1\nHost: " + host() + "\nAuthorization: Bearer "
                    + token + "\nContent-Type: application/json\nTransfer-Encoding: chunked";
            ByteArrayOutputStream chunks = new ByteArrayOutputStream();
            byte[] piece = new byte[64 * 1024];
            for (int i = 0; i < 32; i++) {
                chunks.writeBytes((Integer.toHexString(piece.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                chunks.writeBytes(piece);
                chunks.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            chunks.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

            assertProblem(413, "request-too-large", client.exchange(head, chunks.toByteArray()));
        }
    }

    @Test
    void anEncodedBodyIsInflatedWithinTheLimitOrRefusedAndNeverReachesAServiceEncoded() {
        byte[] json = "{\"title\":\"x\"}".getBytes(StandardCharsets.UTF_8);
        byte[] gzip = gzip(json);
        try (RawHttp client = raw()) {
            assertEquals(200, client.exchange(post("/api/v1/opportunities/opportunities", gzip.length)
                    + "\nContent-Encoding: gzip", gzip).status());
        }

        byte[] bomb = gzip(new byte[10_000_000]);
        try (RawHttp client = raw()) {
            assertProblem(413, "request-too-large", client.exchange(post("/api/v1/opportunities/opportunities", bomb.length)
                    + "\nContent-Encoding: gzip", bomb));
        }
        try (RawHttp client = raw()) {
            assertProblem(400, "malformed-body-encoding", client.exchange(post("/api/v1/opportunities/opportunities",
                    json.length) + "\nContent-Encoding: gzip", json));
        }
        for (String encoding : List.of("compress", "x-unknown", "gzip;q=1, rot13")) {
            try (RawHttp client = raw()) {
                RawHttp.Response r = client.exchange(post("/api/v1/opportunities/opportunities", json.length)
                        + "\nContent-Encoding: " + encoding, json);
                assertProblem(415, "unsupported-content-encoding", r);
                assertEquals("identity", r.header("Accept-Encoding"));
            }
        }
        assertEquals(List.of(json.length), bodyLengthsSeen(), "the service received one whole body, the plain one");
        assertEquals(List.of(), seen("Content-Encoding"));
    }

    @Test
    void aForeignOriginIs403ProblemWhileThePlatformsOwnPagesAndAConfiguredOriginAreServed() {
        try (RawHttp client = raw()) {
            assertProblem(403, "origin-not-allowed", client.exchange(get("/api/v1/reporting/pipeline")
                    + "\nOrigin: https://attacker.example", null));
        }
        assertEquals(0, upstream.received().size());
        try (RawHttp client = raw()) {
            assertEquals(200, client.exchange(get("/api/v1/reporting/pipeline") + "\nOrigin: http://" + host(), null).status());
            RawHttp.Response hub = client.exchange(get("/api/v1/reporting/pipeline") + "\nOrigin: " + HUB, null);
            assertEquals(200, hub.status());
            assertEquals(HUB, hub.header("Access-Control-Allow-Origin"));
        }
    }

    @Test
    void aMalformedAddressIs400ProblemAndNeverRoutesAroundTheTokenRule() {
        for (String target : List.of("/api/v1/tenants/authorities/%zz", "/api/v1/tenants/a%ff", "/api/v1/tenants/%00x",
                "/api/v1/reporting/pipeline?q=%ff", "/api/v1/tenants//authorities", "/api/v1/tenants/../reporting/pipeline",
                "/%2e%2e/api/v1/tenants", "/api/v1/tenants/%", "/portal%0d%0aSet-Cookie:x")) {
            try (RawHttp client = raw()) {
                RawHttp.Response r = client.exchange("GET " + target + " HTTP/1.1\nHost: " + host(), null);
                assertTrue(r.status() == 400, target + " answered " + r.status() + " " + r.body());
                assertProblem(400, "malformed-url", r);
            }
        }
        assertEquals(0, upstream.received().size(), "no malformed address reached a service or the portal");
    }

    @Test
    void expectContinueIsAnsweredByTheGatewayAndNotPassedOn() {
        try (RawHttp client = raw()) {
            client.send(post("/api/v1/opportunities/opportunities", 2) + "\nExpect: 100-continue", null);
            RawHttp.Response interim = client.read();
            assertEquals(100, interim.status());
            assertEquals(200, client.send("", "{}".getBytes(StandardCharsets.UTF_8)).read().status());
        }
        assertEquals(List.of(2), bodyLengthsSeen());
        assertEquals(List.of(), seen("Expect"));
    }

    @Test
    void aHostileClientNeverDelaysOrBreaksAnotherClientsRequests() throws Exception {
        AtomicBoolean done = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> hostile = pool.submit(() -> {
                byte[] big = new byte[3_000_000];
                while (!done.get()) {
                    try (RawHttp c = raw()) {
                        c.send(post("/api/v1/opportunities/opportunities", big.length), big);
                    }
                    try (RawHttp c = raw()) {
                        c.send(post("/api/v1/opportunities/opportunities", 10) + "\nExpect: 100-continue", null);
                    }
                    try (RawHttp c = raw()) {
                        c.send(post("/api/v1/opportunities/opportunities", 10) + "\nContent-Encoding: gzip", new byte[10]);
                    }
                    try (RawHttp c = raw()) {
                        c.exchange("GET /api/v1/tenants/%zz HTTP/1.1\nHost: " + host(), null);
                    }
                    try (RawHttp c = raw()) {
                        // a body promised and never sent
                        c.send(post("/api/v1/opportunities/opportunities", 500), "{".getBytes(StandardCharsets.UTF_8));
                    }
                }
            });
            HttpClient ordinaryClient = HttpClient.newBuilder().connectTimeout(ORDINARY).build();
            List<String> failures = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                HttpRequest request = i % 2 == 0
                        ? HttpRequest.newBuilder(URI.create("http://" + host() + "/api/v1/reporting/pipeline"))
                        .header("Authorization", "Bearer " + token).timeout(ORDINARY).GET().build()
                        : HttpRequest.newBuilder(URI.create("http://" + host() + "/api/v1/opportunities/opportunities"))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .timeout(ORDINARY).POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"ordinary\"}")).build();
                try {
                    HttpResponse<String> response = ordinaryClient.send(request, HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 200) {
                        failures.add(i + ": " + response.statusCode() + " " + response.body());
                    }
                } catch (java.net.http.HttpTimeoutException e) {
                    failures.add(i + ": no answer within " + ORDINARY);
                }
            }
            done.set(true);
            hostile.get(60, TimeUnit.SECONDS);
            assertEquals(List.of(), failures);
        } finally {
            done.set(true);
            pool.shutdownNow();
        }
    }

    private void assertProblem(int status, String slug, RawHttp.Response r) {
        assertEquals(status, r.status(), r.body());
        assertEquals("application/problem+json", r.header("Content-Type"));
        assertTrue(r.body().contains("\"type\":\"urn:concordat:problem:" + slug + "\""), r.body());
    }

    @Test
    void aBrowsersFormPostReachesThePortalWholeAsItWasSent() {
        byte[] form = "csrfToken=abc&title=Shared+elections+%C2%A3&share=OWN".getBytes(StandardCharsets.US_ASCII);
        try (RawHttp client = raw()) {
            RawHttp.Response r = client.exchange("POST /opportunities HTTP/1.1\nHost: " + host()
                    + "\nOrigin: http://" + host() + "\nContent-Type: application/x-www-form-urlencoded\nContent-Length: "
                    + form.length, form);
            assertEquals(200, r.status(), r.body());
        }
        assertEquals(List.of(form.length), bodyLengthsSeen());
        assertEquals(List.of("application/x-www-form-urlencoded"), seen("Content-Type"));
    }

    private RawHttp raw() {
        return new RawHttp(gateway.getPort(), (int) ORDINARY.toMillis());
    }

    private String host() {
        return "127.0.0.1:" + gateway.getPort();
    }

    private String get(String path) {
        return "GET " + path + " HTTP/1.1\nHost: " + host() + "\nAuthorization: Bearer " + token;
    }

    private String post(String path, int length) {
        return "POST " + path + " HTTP/1.1\nHost: " + host() + "\nAuthorization: Bearer " + token
                + "\nContent-Type: application/json\nContent-Length: " + length;
    }

    private static byte[] gzip(byte[] plain) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private List<String> seen(String header) {
        return upstream.received().stream().map(r -> r.headers().getFirst(header)).filter(java.util.Objects::nonNull).toList();
    }

    private List<Integer> bodyLengthsSeen() {
        return upstream.received().stream().map(StandInService.Received::bodyLength).filter(n -> n >= 0).toList();
    }
}
