package io.concordat.portal.web;

import io.concordat.portal.services.ServiceRefusal;
import io.micronaut.context.annotation.Factory;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/**
 * The GOV.UK error pages: "page not found" for what does not exist or the user may not see (a
 * service answers 404 for another council's private opportunity), "no access" where the
 * service refuses the user's roles, and a refused form whose token was missing.
 */
@Factory
class ErrorPages {

    @Singleton
    ExceptionHandler<ServiceRefusal, MutableHttpResponse<?>> refusals(Pages pages) {
        return (HttpRequest request, ServiceRefusal refusal) -> switch (refusal.status()) {
            case 404 -> pages.error(request, HttpStatus.NOT_FOUND, "errors/not-found");
            case 403 -> pages.error(request, HttpStatus.FORBIDDEN, "errors/forbidden");
            case 503 -> pages.error(request, HttpStatus.SERVICE_UNAVAILABLE, "errors/unavailable");
            default -> pages.error(request, HttpStatus.valueOf(refusal.status()), "errors/refused");
        };
    }

    @Singleton
    ExceptionHandler<Forms.CsrfRefused, MutableHttpResponse<?>> csrf(Pages pages) {
        return (HttpRequest request, Forms.CsrfRefused refused) -> pages.error(request, HttpStatus.FORBIDDEN, "errors/csrf");
    }

    @Singleton
    ExceptionHandler<NotFound, MutableHttpResponse<?>> notFound(Pages pages) {
        return (HttpRequest request, NotFound missing) -> pages.error(request, HttpStatus.NOT_FOUND, "errors/not-found");
    }

    /** Nothing here by that address. */
    static class NotFound extends RuntimeException {
        NotFound() {
            super("not found");
        }
    }
}
