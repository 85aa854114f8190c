package io.concordat.tenants.provisioning;

import io.concordat.kit.problem.ProblemResponses;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An identity provider that does not answer is a 503 with Retry-After; one that refuses is a
 * 502; a first admin who already signs in elsewhere is the caller's conflict, 409. Either way the
 * transaction rolled back and provisioning removed what it had created: nothing changed.
 */
@Singleton
public class ProvisioningProblemHandler implements ExceptionHandler<ProvisioningException, MutableHttpResponse<?>> {

    private static final Logger LOG = LoggerFactory.getLogger(ProvisioningProblemHandler.class);

    @Override
    public MutableHttpResponse<?> handle(HttpRequest request, ProvisioningException exception) {
        LOG.warn("{} {}: {}", request.getMethod(), request.getPath(), exception.getMessage(), exception.getCause());
        if (exception.failure() == ProvisioningException.Failure.ALREADY_SIGNS_IN) {
            return ProblemResponses.response(HttpStatus.CONFLICT, "first-admin-signs-in-elsewhere",
                    "Conflicts with the current state", exception.getMessage() + "; nothing was changed.");
        }
        if (exception.failure() == ProvisioningException.Failure.ALREADY_INVITED) {
            return ProblemResponses.response(HttpStatus.CONFLICT, "already-invited",
                    "Conflicts with the current state", exception.getMessage() + "; nothing was changed.");
        }
        if (exception.failure() == ProvisioningException.Failure.ALREADY_LINKED) {
            return ProblemResponses.response(HttpStatus.CONFLICT, "provider-already-linked",
                    "Conflicts with the current state", exception.getMessage() + "; nothing was changed.");
        }
        if (exception.failure() == ProvisioningException.Failure.METADATA_UNUSABLE) {
            return ProblemResponses.response(HttpStatus.UNPROCESSABLE_ENTITY, "metadata-unusable",
                    "The request cannot be carried out", exception.getMessage() + "; nothing was changed.");
        }
        if (exception.unreachable()) {
            return ProblemResponses.response(HttpStatus.SERVICE_UNAVAILABLE, "identity-provider-unavailable",
                    "Temporarily unavailable", "The sign-in service is not answering; nothing was changed. Try again.")
                    .header(HttpHeaders.RETRY_AFTER, "10");
        }
        return ProblemResponses.response(HttpStatus.BAD_GATEWAY, "identity-provider-refused",
                "The sign-in service refused", exception.getMessage() + "; nothing was changed.");
    }
}
