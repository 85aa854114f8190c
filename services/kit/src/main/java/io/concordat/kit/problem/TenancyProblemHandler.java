package io.concordat.kit.problem;

import io.concordat.kit.tenancy.TenancyException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import io.micronaut.http.HttpStatus;

/** A token that does not name the tenant a request needs is answered with 403. */
@Singleton
public class TenancyProblemHandler implements ExceptionHandler<TenancyException, MutableHttpResponse<?>> {

    @Override
    public MutableHttpResponse<?> handle(HttpRequest request, TenancyException exception) {
        return ProblemResponses.response(HttpStatus.FORBIDDEN, "no-tenant", "No authority to act for",
                exception.getMessage());
    }
}
