package io.concordat.portal.signin;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.handlers.RedirectingLoginHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * After Keycloak's callback: opens the server-side session with the user's tokens, sets its
 * cookie and returns the user to the page they asked for before signing in.
 */
@Singleton
public class SessionLoginHandler implements RedirectingLoginHandler<HttpRequest<?>, MutableHttpResponse<?>> {

    private static final Logger LOG = LoggerFactory.getLogger(SessionLoginHandler.class);

    private final PortalSessions sessions;

    public SessionLoginHandler(PortalSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public MutableHttpResponse<?> loginSuccess(Authentication authentication, HttpRequest<?> request) {
        Map<String, Object> a = authentication.getAttributes();
        Object authority = a.get(AccessTokenMapper.AUTHORITY);
        PortalSession session = sessions.open(authentication.getName(), List.copyOf(authentication.getRoles()),
                authority == null ? null : UUID.fromString(authority.toString()), (String) a.get(AccessTokenMapper.ID_TOKEN),
                (String) a.get(AccessTokenMapper.ACCESS), Instant.parse((String) a.get(AccessTokenMapper.EXPIRES_AT)),
                (String) a.get(AccessTokenMapper.REFRESH));
        String back = request.getCookies().findCookie(ReturnTo.COOKIE).map(Cookie::getValue).filter(ReturnTo::isLocalPath)
                .orElse("/");
        return HttpResponse.seeOther(URI.create(back)).cookie(sessions.cookie(session)).cookie(ReturnTo.cleared());
    }

    @Override
    public MutableHttpResponse<?> loginRefresh(Authentication authentication, String refreshToken, HttpRequest<?> request) {
        return HttpResponse.seeOther(URI.create("/"));
    }

    @Override
    public MutableHttpResponse<?> loginFailed(AuthenticationResponse failure, HttpRequest<?> request) {
        LOG.warn("sign-in failed: {}", failure.getMessage().orElse("no reason given"));
        return HttpResponse.seeOther(URI.create("/signed-out?failed=true"));
    }
}
