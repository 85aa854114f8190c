package io.concordat.portal.signin;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import jakarta.inject.Singleton;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The access token to send to the services for a session, refreshed at Keycloak's token endpoint
 * (refresh-token grant, as the portal's confidential client) shortly before it expires.
 */
@Singleton
public class Tokens {

    private static final Duration EARLY = Duration.ofSeconds(30);

    private final HttpClient http;
    private final URI tokenEndpoint;
    private final String clientId;
    private final String clientSecret;
    private final PortalSessions sessions;

    public Tokens(@Value("${concordat.oidc.issuer}") String issuer,
                  @Value("${concordat.keycloak.client-id:concordat-portal}") String clientId,
                  @Value("${concordat.keycloak.client-secret}") String clientSecret, PortalSessions sessions) {
        this.tokenEndpoint = URI.create(issuer + "/protocol/openid-connect/token");
        this.http = HttpClient.create(null);
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.sessions = sessions;
    }

    public String accessToken(PortalSession session) {
        if (Instant.now().plus(EARLY).isBefore(session.accessExpiresAt())) {
            return session.accessToken();
        }
        synchronized (session) {
            if (Instant.now().plus(EARLY).isBefore(session.accessExpiresAt())) {
                return session.accessToken();
            }
            refresh(session);
            return session.accessToken();
        }
    }

    private void refresh(PortalSession session) {
        if (session.refreshToken() == null) {
            sessions.end(session);
            throw new SignInAgain("no refresh token");
        }
        try {
            Map<String, Object> answer = http.toBlocking().retrieve(HttpRequest.POST(tokenEndpoint,
                            Map.of("grant_type", "refresh_token", "refresh_token", session.refreshToken(),
                                    "client_id", clientId, "client_secret", clientSecret))
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE), Argument.mapOf(String.class, Object.class));
            long expiresIn = ((Number) answer.getOrDefault("expires_in", 60)).longValue();
            session.refreshed((String) answer.get("access_token"), Instant.now().plusSeconds(expiresIn),
                    (String) answer.get("refresh_token"));
        } catch (HttpClientResponseException refused) {
            sessions.end(session);
            throw new SignInAgain("the sign-in service refused to refresh: " + refused.getStatus());
        }
    }
}
