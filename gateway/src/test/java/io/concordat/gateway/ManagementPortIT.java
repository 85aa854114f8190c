package io.concordat.gateway;

import io.concordat.kit.tenancy.Roles;
import io.concordat.kit.testing.TestTokens;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ManagementPortIT implements TestPropertyProvider {

    private final StandInService upstream = new StandInService();
    private final java.net.http.HttpClient raw = java.net.http.HttpClient.newBuilder()
            .version(java.net.http.HttpClient.Version.HTTP_1_1).build();

    @Inject
    EmbeddedServer server;

    @Inject
    @Client("/")
    HttpClient http;

    @Value("${endpoints.all.port}")
    int managementPort;

    @Override
    public Map<String, String> getProperties() {
        return GatewayTestProperties.of(upstream.url());
    }

    @AfterAll
    void stopUpstream() {
        upstream.close();
    }

    @BeforeEach
    void forget() {
        upstream.forget();
    }

    @Test
    void healthWithItsDetailsAndPrometheusAnswerOnTheManagementPort() throws Exception {
        HttpResponse<String> health = get(managementPort, "/health");
        assertEquals(200, health.statusCode());
        assertTrue(health.body().contains("\"details\""), health.body());
        assertEquals(200, get(managementPort, "/health/liveness").statusCode());
        HttpResponse<String> metrics = get(managementPort, "/prometheus");
        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.body().contains("jvm_memory_used_bytes"), "Prometheus text");
    }

    @Test
    void theFrontDoorAnswers404ForPrometheusAndHealthAndNeverPassesThemOnToThePortal() throws Exception {
        for (String path : List.of("/prometheus", "/health", "/health/liveness", "/health/readiness")) {
            HttpResponse<String> response = get(server.getPort(), path);
            assertEquals(404, response.statusCode(), path);
            assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow(), path);
        }
        assertEquals(List.of(), upstream.received());
    }

    @Test
    void theManagementPortServesNothingButHealthAndMetrics() throws Exception {
        assertEquals(404, get(managementPort, "/api/v1/tenants/authorities").statusCode());
        assertEquals(404, get(managementPort, "/").statusCode());
        assertEquals(List.of(), upstream.received());
    }

    @Test
    void theProxysTimingsAndOtherClientsTimingsAreBothInPrometheus() throws Exception {
        String token = TestTokens.get().forAuthority(UUID.randomUUID(), Roles.AUTHORITY_OFFICER);
        // this client is the context's own (no service id); the request it makes is proxied by the upstream client
        assertEquals(HttpStatus.OK, http.toBlocking().exchange(
                HttpRequest.GET("/api/v1/opportunities/abc").bearerAuth(token), String.class).getStatus());

        String metrics = get(managementPort, "/prometheus").body();
        assertTrue(metrics.lines().anyMatch(l -> l.startsWith("http_client_requests_seconds_count{")
                && l.contains("serviceId=\"upstream\"")), "the proxy's timings");
        assertTrue(metrics.lines().anyMatch(l -> l.startsWith("http_client_requests_seconds_count{")
                && l.contains("serviceId=\"none\"")), "other clients' timings");
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return raw.send(java.net.http.HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
