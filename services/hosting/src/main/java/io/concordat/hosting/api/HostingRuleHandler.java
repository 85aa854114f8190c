package io.concordat.hosting.api;

import io.concordat.hosting.domain.HostingRuleException;
import io.concordat.kit.problem.ProblemDetail;
import io.concordat.kit.problem.ProblemException;
import io.concordat.kit.problem.ProblemResponses;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** Answers every refused hosting rule with problem+json: its rule as the type, its refusal as the status. */
@Singleton
public class HostingRuleHandler implements ExceptionHandler<HostingRuleException, MutableHttpResponse<?>> {

    @Override
    public MutableHttpResponse<?> handle(HttpRequest request, HostingRuleException e) {
        HttpStatus status = switch (e.refusal()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case NOT_YOURS -> HttpStatus.FORBIDDEN;
            case CONFLICT -> HttpStatus.CONFLICT;
            case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_ENTITY;
        };
        String title = switch (e.refusal()) {
            case INVALID -> "The request is not valid";
            case NOT_YOURS -> "Not allowed";
            case CONFLICT -> "Conflicts with the current state";
            case UNPROCESSABLE -> "The request cannot be carried out";
        };
        return ProblemResponses.response(new ProblemDetail(ProblemException.type(e.rule()), title, status.getCode(),
                e.getMessage(), e.details()));
    }
}
