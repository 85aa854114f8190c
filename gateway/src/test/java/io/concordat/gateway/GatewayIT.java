package io.concordat.gateway;

import io.concordat.kit.tenancy.Roles;
import io.concordat.kit.testing.TestTokens;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatewayIT implements TestPropertyProvider {

    private final StandInService upstream = new StandInService();
    private final TestTokens tokens = TestTokens.get();

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    EmbeddedServer gateway;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = GatewayTestProperties.of(upstream.url());
        properties.put("concordat.routes.hosting", "http://127.0.0.1:1");
        return properties;
    }

    @AfterAll
    void stopUpstream() {
        upstream.close();
    }

    @Test
    void aValidTokenIsPassedOnUnchangedToTheOwningService() {
        String token = tokens.forAuthority(UUID.randomUUID(), Roles.AUTHORITY_OFFICER);

        HttpResponse<String> response = http.toBlocking().exchange(
                HttpRequest.GET("/api/v1/opportunities/abc?page=2").bearerAuth(token)
                        .header("X-Forwarded-For", "203.0.113.9").header("Forwarded", "for=203.0.113.9"), String.class);

        assertEquals(HttpStatus.OK, response.getStatus());
        StandInService.Received seen = lastSeen().orElseThrow();
        assertEquals("Bearer " + token, seen.headers().getFirst("Authorization"));
        assertEquals("/api/v1/opportunities/abc?page=2", seen.target());
        assertEquals(List.of("127.0.0.1"), seen.headers().get("X-Forwarded-For"), "only the gateway's own forwarding headers");
        assertEquals(null, seen.headers().get("Forwarded"));
        assertEquals("nosniff", response.header("X-Content-Type-Options"));
        assertEquals("no-store", response.header("Cache-Control"));
    }

    @Test
    void aServicesRedirectReachesTheBrowserWithEveryCookieItSet() throws Exception {
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(gateway.getURL() + "/oauth/login/concordat")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());

        assertEquals(302, response.statusCode(), "not followed by the gateway");
        assertEquals(StandInService.SIGN_IN_PAGE, response.headers().firstValue("Location").orElseThrow());
        assertEquals(List.of("OAUTH2_STATE=s1; Path=/; HttpOnly", "OAUTH2_PKCE=p1; Path=/; HttpOnly"),
                response.headers().allValues("Set-Cookie"));
    }

    @Test
    void theGatewayRefusesMissingExpiredForeignAndForgedTokensWithoutCallingTheService() {
        upstream.forget();
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
        assertEquals(List.of(), upstream.received(), "no refused request reached a service");
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
        assertEquals("/", lastSeen().orElseThrow().target());
    }

    private Optional<StandInService.Received> lastSeen() {
        List<StandInService.Received> all = upstream.received();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }
}
