package io.concordat.kit.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Signs tokens the way the realm does (RS256, the API's audience, the {@code roles} claim, and a
 * person's {@code organization} or a partner service account's {@code authority_id}) and
 * publishes the key at a JWKS address on 127.0.0.1, so services under test check signatures,
 * issuer and expiry for real. A second, unpublished key signs forgeries.
 */
public final class TestTokens {

    /** The audience every token for the API carries (the services' default {@code concordat.oidc.audience}). */
    public static final String API_AUDIENCE = "concordat-api";

    private static TestTokens instance;

    private final RSAKey key;
    private final RSAKey forgerKey;
    private final String issuer;

    private TestTokens() {
        try {
            key = new RSAKeyGenerator(2048).keyID("test-" + UUID.randomUUID()).generate();
            forgerKey = new RSAKeyGenerator(2048).keyID(key.getKeyID()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/realms/concordat/protocol/openid-connect/certs", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                exchange.getResponseBody().write(jwks);
                exchange.close();
            });
            server.start();
            issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/concordat";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static synchronized TestTokens get() {
        if (instance == null) {
            instance = new TestTokens();
        }
        return instance;
    }

    public String issuer() {
        return issuer;
    }

    /** A valid token of a person signed in for the authority's organization, with the given realm roles. */
    public String forAuthority(UUID authorityId, String... roles) {
        return sign(key, claims(issuer, Instant.now().plus(Duration.ofMinutes(5)), authorityId, roles));
    }

    /**
     * A partner system's client-credentials token, as the realm issues it: {@code azp} is its client
     * id, the user its service account, with the {@code partner-system} role and its authority.
     */
    public String forPartner(String clientId, UUID authorityId) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder(claims(issuer, Instant.now().plus(Duration.ofMinutes(5)),
                null, "partner-system"))
                .claim("azp", clientId).claim("preferred_username", "service-account-" + clientId)
                .claim("authority_id", authorityId.toString()).build();
        return sign(key, claims);
    }

    /** A valid token of platform staff, who act for no authority. */
    public String withoutAuthority(String... roles) {
        return sign(key, claims(issuer, Instant.now().plus(Duration.ofMinutes(5)), null, roles));
    }

    /** A valid token of a person signed in for the authority's organization (Keycloak's {@code organization} claim). */
    public String forOrganization(UUID authorityId, String... roles) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder(claims(issuer, Instant.now().plus(Duration.ofMinutes(5)), null, roles))
                .claim("organization", List.of(authorityId.toString())).build();
        return sign(key, claims);
    }

    /** A valid token in every other way, minted for another client: it lacks the API's audience. */
    public String forAnotherAudience(UUID authorityId, String... roles) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder(claims(issuer, Instant.now().plus(Duration.ofMinutes(5)), authorityId,
                roles)).audience("concordat-tenants").build();
        return sign(key, claims);
    }

    public String expired(UUID authorityId, String... roles) {
        return sign(key, claims(issuer, Instant.now().minus(Duration.ofMinutes(10)), authorityId, roles));
    }

    public String fromAnotherIssuer(UUID authorityId, String... roles) {
        return sign(key, claims("http://127.0.0.1:1/realms/elsewhere", Instant.now().plus(Duration.ofMinutes(5)),
                authorityId, roles));
    }

    /** Signed with a key the realm never published, under the real key's id. */
    public String forged(UUID authorityId, String... roles) {
        return sign(forgerKey, claims(issuer, Instant.now().plus(Duration.ofMinutes(5)), authorityId, roles));
    }

    /** A real token whose payload was edited afterwards to name another authority. */
    public String tampered(UUID ownAuthority, UUID otherAuthority, String... roles) {
        String[] parts = forAuthority(ownAuthority, roles).split("\\.");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace(ownAuthority.toString(), otherAuthority.toString());
        return parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }

    private static JWTClaimsSet claims(String issuer, Instant expiry, UUID authorityId, String... roles) {
        String subject = UUID.randomUUID().toString();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(List.of(API_AUDIENCE, "account"))
                .subject(subject)
                .issueTime(Date.from(expiry.minus(Duration.ofMinutes(15))))
                .expirationTime(Date.from(expiry))
                .claim("preferred_username", "tester-" + subject.substring(0, 8))
                .claim("roles", List.of(roles));
        if (authorityId != null) {
            claims.claim("organization", List.of(authorityId.toString()));
        }
        return claims.build();
    }

    private static String sign(RSAKey signingKey, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID()).build(),
                    claims);
            jwt.sign(new RSASSASigner(signingKey));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The header value for a token. */
    public static Map.Entry<String, String> bearer(String token) {
        return Map.entry("Authorization", "Bearer " + token);
    }
}
