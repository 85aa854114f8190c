package io.concordat.gateway;

import com.sun.net.httpserver.HttpServer;
import io.concordat.kit.tenancy.Roles;
import io.concordat.kit.testing.TestTokens;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatewayIT implements TestPropertyProvider {

    /** Stands in for a service: answers with what it received. */
    private final HttpServer upstream = startUpstream();
    private final AtomicReference<String> seenAuthorization = new AtomicReference<>();
    private final AtomicReference<String> seenPath = new AtomicReference<>();
    private final TestTokens tokens = TestTokens.get();

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        String up = "http://127.0.0.1:" + upstream.getAddress().getPort();
        return Map.of(
                "concordat.oidc.issuer", tokens.issuer(),
                "concordat.routes.tenants", up,
                "concordat.routes.opportunities", up,
                "concordat.routes.hosting", "http://127.0.0.1:1",
                "concordat.routes.reporting", up,
                "concordat.routes.partner-events", up,
                "concordat.routes.portal", up);
    }

    @AfterAll
    void stopUpstream() {
        upstream.stop(0);
    }

    @Test
    void aValidTokenIsPassedOnUnchangedToTheOwningService() {
        String token = tokens.forAuthority(UUID.randomUUID(), Roles.AUTHORITY_OFFICER);

        HttpResponse<String> response = http.toBlocking().exchange(
                HttpRequest.GET("/api/v1/opportunities/abc?page=2").bearerAuth(token), String.class);

        assertEquals(HttpStatus.OK, response.getStatus());
        assertEquals("Bearer " + token, seenAuthorization.get());
        assertEquals("/api/v1/opportunities/abc?page=2", seenPath.get());
        assertEquals("nosniff", response.header("X-Content-Type-Options"));
        assertEquals("no-store", response.header("Cache-Control"));
    }

    @Test
    void theGatewayRefusesMissingExpiredForeignAndForgedTokensWithoutCallingTheService() {
        seenPath.set(null);
        UUID authority = UUID.randomUUID();
        for (String token : new String[] {null, tokens.expired(authority), tokens.fromAnotherIssuer(authority),
                tokens.forged(authority)}) {
            MutableHttpRequest<Object> request = HttpRequest.GET("/api/v1/reporting/pipeline");
            if (token != null) {
                request.bearerAuth(token);
            }
            HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                    () -> http.toBlocking().exchange(request, String.class));
            assertEquals(HttpStatus.UNAUTHORIZED, e.getStatus());
            assertEquals("application/problem+json", e.getResponse().getContentType().orElseThrow().toString());
        }
        assertEquals(null, seenPath.get(), "no refused request reached a service");
    }

    @Test
    void anUnknownServiceIs404AndAServiceThatIsDownIs503WithRetryAfter() {
        String token = tokens.forAuthority(UUID.randomUUID(), Roles.AUTHORITY_OFFICER);

        HttpClientResponseException unknown = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.GET("/api/v1/astrology/x").bearerAuth(token), String.class));
        assertEquals(HttpStatus.NOT_FOUND, unknown.getStatus());

        HttpClientResponseException down = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.GET("/api/v1/hosting/arrangements").bearerAuth(token),
                        String.class));
        assertEquals(HttpStatus.SERVICE_UNAVAILABLE, down.getStatus());
        assertEquals("5", down.getResponse().header("Retry-After"));
    }

    @Test
    void pagesOutsideTheApiGoToThePortalWithoutAToken() {
        HttpResponse<String> response = http.toBlocking().exchange(HttpRequest.GET("/"), String.class);
        assertEquals(HttpStatus.OK, response.getStatus());
        assertEquals("/", seenPath.get());
    }

    @Test
    void theGatewayAnswersItsOwnHealth() {
        assertEquals(HttpStatus.OK, http.toBlocking().exchange(HttpRequest.GET("/health"), String.class).getStatus());
    }

    private HttpServer startUpstream() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                seenAuthorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
                seenPath.set(exchange.getRequestURI().toString());
                byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
