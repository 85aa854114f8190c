package io.concordat.kit.problem;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import jakarta.inject.Singleton;
import io.micronaut.http.HttpStatus;

/**
 * Answers a request without a valid token with 401, and one whose token lacks the role with
 * 403, both as problem+json. An expired, forged or foreign-issuer token is "no valid token".
 */
@Singleton
@Replaces(DefaultAuthorizationExceptionHandler.class)
public class SecurityProblemHandler implements ExceptionHandler<AuthorizationException, MutableHttpResponse<?>> {

    @Override
    public MutableHttpResponse<?> handle(HttpRequest request, AuthorizationException exception) {
        if (exception.isForbidden()) {
            return ProblemResponses.response(HttpStatus.FORBIDDEN, "forbidden", "Not allowed",
                    "Your roles do not allow this request.");
        }
        return ProblemResponses.response(HttpStatus.UNAUTHORIZED, "unauthenticated", "Sign-in required",
                        "This request needs a valid bearer token from the Concordat identity provider.")
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"concordat\"");
    }
}
