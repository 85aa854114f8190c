package io.concordat.portal.signin;

import io.concordat.kit.problem.SecurityProblemHandler;
import io.concordat.portal.web.Pages;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.web.router.Router;
import jakarta.inject.Singleton;

import java.net.URI;

/**
 * A signed-out person asking for a page is sent to sign in and comes back to it afterwards; a
 * signed-in person whose roles do not allow a page sees the GOV.UK "no access" page.
 */
@Singleton
@Replaces(SecurityProblemHandler.class)
public class SignInRedirect implements ExceptionHandler<AuthorizationException, MutableHttpResponse<?>> {

    public static final String SIGN_IN = "/oauth/login/concordat";

    private final Pages pages;
    private final Router router;

    public SignInRedirect(Pages pages, Router router) {
        this.pages = pages;
        this.router = router;
    }

    @Override
    public MutableHttpResponse<?> handle(HttpRequest request, AuthorizationException exception) {
        if (router.findAny(request.getPath(), request).findAny().isEmpty()) {
            return pages.error(request, HttpStatus.NOT_FOUND, "errors/not-found");
        }
        if (exception.isForbidden()) {
            return pages.error(request, HttpStatus.FORBIDDEN, "errors/forbidden");
        }
        return toSignIn(request);
    }

    static MutableHttpResponse<?> toSignIn(HttpRequest<?> request) {
        String asked = request.getUri().getRawPath() + (request.getUri().getRawQuery() == null ? ""
                : "?" + request.getUri().getRawQuery());
        String back = request.getMethod() == HttpMethod.GET && ReturnTo.isLocalPath(asked) ? asked : "/";
        return HttpResponse.seeOther(URI.create(SIGN_IN)).cookie(ReturnTo.of(back));
    }
}
