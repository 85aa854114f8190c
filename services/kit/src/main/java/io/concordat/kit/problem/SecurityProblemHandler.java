package io.concordat.kit.problem;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteMatch;
import jakarta.inject.Singleton;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Answers a request without a valid token with 401, and one whose token lacks the role with
 * 403, both as problem+json. An expired, forged or foreign-issuer token is "no valid token".
 *
 * <p>The security filter refuses a signed-in request to a route that does not exist before the
 * router can say so; such a request is answered 404 (no route at that path) or 405 (the path
 * exists for other methods), so that "your roles do not allow this" is said only of a route
 * that is there.
 */
@Singleton
@Replaces(DefaultAuthorizationExceptionHandler.class)
public class SecurityProblemHandler implements ExceptionHandler<AuthorizationException, MutableHttpResponse<?>> {

    private final Router router;

    public SecurityProblemHandler(Router router) {
        this.router = router;
    }

    @Override
    public MutableHttpResponse<?> handle(HttpRequest request, AuthorizationException exception) {
        if (exception.isForbidden()) {
            Set<String> allowed = router.findAny(request.getPath(), request)
                    .map(UriRouteMatch::getHttpMethod).map(HttpMethod::name)
                    .collect(Collectors.toCollection(TreeSet::new));
            if (allowed.isEmpty()) {
                return ProblemResponses.response(HttpStatus.NOT_FOUND, "not-found", "Not found",
                        "There is nothing at " + request.getPath() + ".");
            }
            if (!allowed.contains(request.getMethodName())) {
                return ProblemResponses.response(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed",
                                "Method not allowed", request.getMethodName() + " is not allowed on " + request.getPath()
                                        + "; allowed: " + String.join(", ", allowed) + ".")
                        .header(HttpHeaders.ALLOW, String.join(", ", allowed));
            }
            return ProblemResponses.response(HttpStatus.FORBIDDEN, "forbidden", "Not allowed",
                    "Your roles do not allow this request.");
        }
        return ProblemResponses.response(HttpStatus.UNAUTHORIZED, "unauthenticated", "Sign-in required",
                        "This request needs a valid bearer token from the Concordat identity provider.")
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"concordat\"");
    }
}
