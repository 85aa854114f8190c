package io.concordat.tenants.api;

import io.concordat.kit.problem.ProblemDetail;
import io.concordat.kit.problem.ProblemException;
import io.concordat.kit.problem.ProblemResponses;
import io.concordat.tenants.domain.TenantRuleException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

import java.util.Map;

/**
 * Answers every refused tenants rule with problem+json: its rule as the type, 400 for what the
 * caller got wrong, 409 for what the current state does not allow, 403 for
 * what the caller may not do (with {@code allowed} where the
 * rule names the states or steps allowed instead).
 */
@Singleton
public class TenantRuleHandler implements ExceptionHandler<TenantRuleException, MutableHttpResponse<?>> {

    @Override
    public MutableHttpResponse<?> handle(HttpRequest request, TenantRuleException e) {
        ProblemDetail problem = switch (e.refusal()) {
            case INVALID -> new ProblemDetail(ProblemException.type(e.rule()), "The request is not valid",
                    HttpStatus.BAD_REQUEST.getCode(), e.getMessage(), Map.of());
            case CONFLICT -> new ProblemDetail(ProblemException.type(e.rule()), "Conflicts with the current state",
                    HttpStatus.CONFLICT.getCode(), e.getMessage(), e.allowed().isEmpty() ? Map.of()
                    : Map.of("allowed", e.allowed()));
            case NOT_ALLOWED -> new ProblemDetail(ProblemException.type(e.rule()), "Not allowed",
                    HttpStatus.FORBIDDEN.getCode(), e.getMessage(), Map.of());
        };
        return ProblemResponses.response(problem);
    }
}
