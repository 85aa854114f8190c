package io.concordat.portal;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The portal without a browser: pages and GOV.UK assets it serves itself, the sign-in it starts
 * (authorization code with PKCE), and what a signed-out person gets, with no sign-in service
 * running: the portal must start before Keycloak answers. The journey through real Keycloak is in
 * the end-to-end suite.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalIT implements TestPropertyProvider {

    private String issuer;

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        // nothing listens here: the portal must start, and send people to sign in, without asking the realm
        issuer = "http://127.0.0.1:9/realms/concordat";
        // a free port: suites of several services run side by side on one machine
        return Map.of("micronaut.server.port", "-1", "micronaut.http.client.follow-redirects", "false",
                "concordat.oidc.issuer", issuer, "concordat.keycloak.client-secret", "test-secret",
                "concordat.api-url", "http://127.0.0.1:9", "concordat.portal.secure-cookies", "true");
    }

    @Test
    void theStartPageIsAGovUkPageInEnglishWithASignInButton() {
        HttpResponse<String> page = http.toBlocking().exchange(HttpRequest.GET("/"), String.class);
        assertEquals(HttpStatus.OK, page.getStatus());
        assertTrue(page.getContentType().orElseThrow().toString().startsWith("text/html"));
        String html = page.body();
        assertTrue(html.contains("<html lang=\"en-GB\" class=\"govuk-template\">"), html);
        assertTrue(html.contains("href=\"/govuk/govuk-frontend.min.css\""));
        assertTrue(html.contains("govuk-phase-banner"));
        assertTrue(html.contains("href=\"/oauth/login/concordat\""));
        assertFalse(html.contains("<script"), "no script, inline or not: the pages work without JavaScript");
        assertFalse(html.contains("style="), "no inline style, so a strict Content-Security-Policy fits");
    }

    @Test
    void govUkFrontendStylesAndFontsAreServedByThePortalItself() {
        HttpResponse<String> css = http.toBlocking().exchange(HttpRequest.GET("/govuk/govuk-frontend.min.css"), String.class);
        assertEquals(HttpStatus.OK, css.getStatus());
        assertTrue(css.body().contains(".govuk-header"));
        assertEquals(HttpStatus.OK, http.toBlocking().exchange(HttpRequest.GET("/assets/images/favicon.ico"), byte[].class)
                .getStatus());
    }

    @Test
    void signingInIsAnAuthorizationCodeRequestWithPkceAtTheRealm() {
        HttpResponse<?> start = http.toBlocking().exchange(HttpRequest.GET("/oauth/login/concordat"));
        assertTrue(start.getStatus().getCode() / 100 == 3, start.getStatus().toString());
        URI to = URI.create(start.header("Location"));
        assertEquals(issuer + "/protocol/openid-connect/auth", to.getScheme() + "://" + to.getAuthority() + to.getPath());
        String query = URLDecoder.decode(to.getRawQuery(), StandardCharsets.UTF_8);
        assertTrue(query.contains("response_type=code"), query);
        assertTrue(query.contains("client_id=concordat-portal"), query);
        assertTrue(query.contains("code_challenge_method=S256"), query);
        assertTrue(query.contains("code_challenge="), query);
        assertTrue(query.contains("state="), query);
        assertTrue(query.contains("organization"), "the organization scope, so a council's own identity provider is offered: " + query);
    }

    @Test
    void aSignedOutPersonIsSentToSignInAndRememberedWhereTheyWereGoing() {
        HttpResponse<?> asked = http.toBlocking().exchange(HttpRequest.GET("/opportunities?stage=IDEA"));
        assertEquals(HttpStatus.SEE_OTHER, asked.getStatus());
        assertEquals("/oauth/login/concordat", asked.header("Location"));
        String cookie = asked.getHeaders().getAll("Set-Cookie").stream().filter(c -> c.startsWith("concordat_return_to="))
                .findFirst().orElseThrow();
        assertTrue(cookie.startsWith("concordat_return_to=/opportunities?stage=IDEA"), cookie);
        assertTrue(cookie.toLowerCase(java.util.Locale.ROOT).contains("httponly"), cookie);
    }

    @Test
    void aFormPostedWithoutASessionChangesNothingAndAsksForSignIn() {
        HttpResponse<?> posted = http.toBlocking().exchange(HttpRequest.POST("/opportunities", "title=Shared+payroll")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE));
        assertEquals(HttpStatus.SEE_OTHER, posted.getStatus());
        assertEquals("/oauth/login/concordat", posted.header("Location"));
    }

    @Test
    void aSessionCookieTheServerDoesNotKnowIsNotASignIn() {
        HttpResponse<?> asked = http.toBlocking().exchange(HttpRequest.GET("/vacancies")
                .cookie(io.micronaut.http.cookie.Cookie.of("concordat_session", "made-up")));
        assertEquals(HttpStatus.SEE_OTHER, asked.getStatus());
    }

    @Test
    void answersItsHealth() {
        assertEquals(HttpStatus.OK, http.toBlocking().exchange(HttpRequest.GET("/health"), String.class).getStatus());
    }

    @Test
    void anUnknownAddressIsTheGovUkPageNotFound() {
        HttpClientResponseException missing = org.junit.jupiter.api.Assertions.assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.GET("/no-such-page"), String.class));
        assertEquals(HttpStatus.NOT_FOUND, missing.getStatus());
        assertTrue(missing.getResponse().getBody(String.class).orElse("").contains("Page not found"));
    }
}
