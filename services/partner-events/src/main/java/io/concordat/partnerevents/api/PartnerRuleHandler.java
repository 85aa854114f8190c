package io.concordat.partnerevents.api;

import io.concordat.kit.problem.ProblemDetail;
import io.concordat.kit.problem.ProblemException;
import io.concordat.kit.problem.ProblemResponses;
import io.concordat.partnerevents.domain.PartnerRuleException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

import java.util.Map;

/** Answers every refused partner rule with problem+json: its rule as the type, its refusal as the status. */
@Singleton
public class PartnerRuleHandler implements ExceptionHandler<PartnerRuleException, MutableHttpResponse<?>> {

    @Override
    public MutableHttpResponse<?> handle(HttpRequest request, PartnerRuleException e) {
        HttpStatus status = switch (e.refusal()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case NOT_YOURS -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
        };
        String title = switch (e.refusal()) {
            case INVALID -> "The request is not valid";
            case NOT_YOURS -> "Not allowed";
            case NOT_FOUND -> "Not found";
            case CONFLICT -> "Conflicts with the current state";
        };
        return ProblemResponses.response(new ProblemDetail(ProblemException.type(e.rule()), title, status.getCode(),
                e.getMessage(), Map.of()));
    }
}
