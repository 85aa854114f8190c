package io.concordat.opportunities.api;

import io.concordat.kit.problem.ProblemException;
import io.concordat.kit.problem.ProblemResponses;
import io.concordat.opportunities.domain.OpportunityRuleException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/**
 * Answers every broken rule of the opportunities domain as problem+json, in this one place: its
 * slug is the problem type, its kind the status, its details the extra members.
 */
@Singleton
public class OpportunityProblemHandler implements ExceptionHandler<OpportunityRuleException, MutableHttpResponse<?>> {

    @Override
    public MutableHttpResponse<?> handle(HttpRequest request, OpportunityRuleException e) {
        ProblemException problem = switch (e.kind()) {
            case INVALID -> new ProblemException(HttpStatus.BAD_REQUEST, e.rule(), "The request is not valid",
                    e.getMessage(), e.details());
            case NOT_ALLOWED -> new ProblemException(HttpStatus.FORBIDDEN, e.rule(), "Not allowed", e.getMessage(),
                    e.details());
            case CONFLICT -> ProblemException.conflict(e.rule(), e.getMessage(), e.details());
            case UNPROCESSABLE -> new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, e.rule(),
                    "The request cannot be carried out", e.getMessage(), e.details());
        };
        return ProblemResponses.response(problem.problem());
    }
}
