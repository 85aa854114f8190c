package io.concordat.partnerevents.api;

import io.concordat.kit.problem.ProblemResponses;
import io.concordat.partnerevents.app.PartnerClients.PartnerClientException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** The identity provider down is 503 with Retry-After; its refusal is 502. Nothing is recorded either way. */
@Singleton
public class PartnerClientProblemHandler implements ExceptionHandler<PartnerClientException, MutableHttpResponse<?>> {

    @Override
    public MutableHttpResponse<?> handle(HttpRequest request, PartnerClientException e) {
        if (e.unreachable()) {
            return ProblemResponses.response(HttpStatus.SERVICE_UNAVAILABLE, "identity-provider-unavailable",
                    "Identity provider unavailable", e.getMessage()).header("Retry-After", "30");
        }
        return ProblemResponses.response(HttpStatus.BAD_GATEWAY, "identity-provider-refused", "Identity provider refused",
                e.getMessage());
    }
}
