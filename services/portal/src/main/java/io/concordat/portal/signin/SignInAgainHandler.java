package io.concordat.portal.signin;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** A session Keycloak has ended (or whose refresh failed) signs in again, returning to the page. */
@Singleton
public class SignInAgainHandler implements ExceptionHandler<SignInAgain, MutableHttpResponse<?>> {

    @Override
    public MutableHttpResponse<?> handle(HttpRequest request, SignInAgain exception) {
        return SignInRedirect.toSignIn(request);
    }
}
