package io.concordat.gateway;

import io.concordat.kit.tenancy.Roles;
import io.concordat.kit.testing.TestTokens;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityHeadersIT implements TestPropertyProvider {

    private static final String HUB = "https://hub.example.org";

    private final StandInService upstream = new StandInService();
    private final HttpClient raw = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = GatewayTestProperties.of(upstream.url());
        properties.put("concordat.cors.allowed-origins", HUB);
        return properties;
    }

    @AfterAll
    void stopUpstream() {
        upstream.close();
    }

    @Test
    void aPortalPageMayRunOnlyThePlatformsOwnScriptsAndCannotBeFramed() throws Exception {
        HttpResponse<String> page = get("/", null, null);
        assertEquals(200, page.statusCode());
        String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(csp.contains("default-src 'self'"), csp);
        assertTrue(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline") && !csp.contains("unsafe-eval"), csp);
        assertTrue(csp.contains("frame-ancestors 'none'"), csp);
        assertTrue(csp.contains("object-src 'none'"), csp);
        URI issuer = URI.create(TestTokens.get().issuer());
        assertTrue(csp.contains("form-action 'self' " + issuer.getScheme() + "://" + issuer.getRawAuthority() + ";"),
                "forms post to the platform, and signing out goes on to the sign-in service: " + csp);
        assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElseThrow());
        assertEquals("same-origin", page.headers().firstValue("Referrer-Policy").orElseThrow());
        assertEquals("DENY", page.headers().firstValue("X-Frame-Options").orElseThrow());
        assertEquals("max-age=31536000; includeSubDomains",
                page.headers().firstValue("Strict-Transport-Security").orElseThrow());
        assertEquals(1, page.headers().allValues("Content-Security-Policy").size(), "one policy, the gateway's");
    }

    @Test
    void onlyTheApiDocumentsPageMayDrawDataImagesAndNoPageMayRunInlineCode() throws Exception {
        String portal = get("/", null, null).headers().firstValue("Content-Security-Policy").orElseThrow();
        HttpResponse<String> docsPage = get("/api/docs", null, null);
        String docs = docsPage.headers().firstValue("Content-Security-Policy").orElseThrow();
        String docsScript = get("/api/docs/docs.js", null, null).headers().firstValue("Content-Security-Policy").orElseThrow();

        assertEquals(200, docsPage.statusCode());
        assertEquals(portal.replace("img-src 'self';", "img-src 'self' data:;"), docs, "the portal's policy but for data: images");
        assertTrue(portal.contains("img-src 'self';") && !portal.contains("data:"), portal);
        assertEquals(portal, docsScript, "the exception is the page's alone");
        for (String policy : List.of(portal, docs)) {
            assertFalse(policy.contains("unsafe-inline") || policy.contains("unsafe-eval"), policy);
            assertTrue(policy.contains("style-src 'self';") && policy.contains("script-src 'self';"), policy);
        }
    }

    @Test
    void theGatewaysOwnRefusalsCarryTheSameHeaders() throws Exception {
        String token = TestTokens.get().forAuthority(UUID.randomUUID(), Roles.AUTHORITY_OFFICER);
        List<HttpResponse<String>> refusals = List.of(
                get("/api/v1/reporting/pipeline", null, null),
                get("/api/v1/astrology/x", token, null),
                get("/api/v1/reporting/pipeline", token, "https://evil.example.net"),
                get("/prometheus", null, null));
        assertEquals(List.of(401, 404, 403, 404), refusals.stream().map(HttpResponse::statusCode).toList());
        for (HttpResponse<String> refusal : refusals) {
            assertTrue(refusal.headers().firstValue("Content-Security-Policy").orElseThrow().contains("frame-ancestors 'none'"));
            assertEquals("nosniff", refusal.headers().firstValue("X-Content-Type-Options").orElseThrow());
            assertTrue(refusal.headers().firstValue("Strict-Transport-Security").isPresent());
        }
    }

    @Test
    void corsIsOpenOnlyToAConfiguredOrigin() throws Exception {
        String token = TestTokens.get().forAuthority(UUID.randomUUID(), Roles.AUTHORITY_OFFICER);
        HttpResponse<String> hub = get("/api/v1/reporting/pipeline", token, HUB);
        assertEquals(200, hub.statusCode());
        assertEquals(HUB, hub.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
        HttpResponse<String> foreign = get("/api/v1/reporting/pipeline", token, "https://evil.example.net");
        assertEquals(403, foreign.statusCode());
        assertFalse(foreign.headers().firstValue("Access-Control-Allow-Origin").isPresent());
    }

    private HttpResponse<String> get(String path, String token, String origin) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (origin != null) {
            request.header("Origin", origin);
        }
        return raw.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
