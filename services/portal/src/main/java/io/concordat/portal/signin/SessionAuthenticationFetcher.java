package io.concordat.portal.signin;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.AuthenticationFetcher;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import io.micronaut.core.async.publisher.Publishers;

import java.util.Map;

/** The person a request's session cookie names, for the security rules on each page. */
@Singleton
public class SessionAuthenticationFetcher implements AuthenticationFetcher<HttpRequest<?>> {

    private final PortalSessions sessions;

    public SessionAuthenticationFetcher(PortalSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public Publisher<Authentication> fetchAuthentication(HttpRequest<?> request) {
        return sessions.of(request)
                .<Publisher<Authentication>>map(session -> Publishers.just(Authentication.build(session.username(), session.roles(),
                        Map.of("session", session.id()))))
                .orElseGet(Publishers::empty);
    }
}
