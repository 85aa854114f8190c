package io.concordat.portal.signin;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The server-side sessions, in this process's memory, behind a cookie that is HttpOnly,
 * SameSite=Lax and (outside the development stack) Secure. A session idle for longer than the
 * realm's own idle timeout is forgotten. Held in memory, so several portal replicas need sticky
 * sessions at the ingress; a restart signs everyone out.
 */
@Singleton
public class PortalSessions {

    public static final String COOKIE = "concordat_session";
    private static final Duration IDLE = Duration.ofMinutes(30);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, PortalSession> sessions = new ConcurrentHashMap<>();
    private final boolean secureCookies;

    public PortalSessions(@Value("${concordat.portal.secure-cookies:true}") boolean secureCookies) {
        this.secureCookies = secureCookies;
    }

    PortalSession open(String username, List<String> roles, UUID authorityId, String idToken, String accessToken,
                       Instant accessExpiresAt, String refreshToken) {
        String id = randomToken();
        PortalSession session = new PortalSession(id, username, roles, authorityId, randomToken(), idToken, accessToken,
                accessExpiresAt, refreshToken, Instant.now());
        sessions.put(id, session);
        return session;
    }

    /** The live session the request's cookie names, if any; using it keeps it alive. */
    public Optional<PortalSession> of(HttpRequest<?> request) {
        return request.getCookies().findCookie(COOKIE).map(Cookie::getValue).map(sessions::get).filter(session -> {
            Instant now = Instant.now();
            if (session.lastUsed().plus(IDLE).isBefore(now)) {
                sessions.remove(session.id());
                return false;
            }
            session.used(now);
            return true;
        });
    }

    void end(PortalSession session) {
        sessions.remove(session.id());
    }

    Cookie cookie(PortalSession session) {
        return Cookie.of(COOKIE, session.id()).path("/").httpOnly(true).secure(secureCookies).sameSite(SameSite.Lax);
    }

    Cookie cleared() {
        return Cookie.of(COOKIE, "").path("/").httpOnly(true).secure(secureCookies).sameSite(SameSite.Lax).maxAge(0);
    }

    boolean secureCookies() {
        return secureCookies;
    }

    @Scheduled(fixedDelay = "5m")
    void forgetIdle() {
        Instant cutoff = Instant.now().minus(IDLE);
        sessions.values().removeIf(session -> session.lastUsed().isBefore(cutoff));
    }

    static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
