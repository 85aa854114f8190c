package io.concordat.kit.problem;

import io.concordat.kit.inbox.Transience;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.micronaut.http.HttpStatus;

/**
 * The last resort for unexpected failures. When the database could not be reached the answer is
 * 503 with Retry-After, nothing having been written; anything else is a 500 whose detail stays
 * in the log, not in the response.
 */
@Singleton
public class UnavailableProblemHandler implements ExceptionHandler<RuntimeException, MutableHttpResponse<?>> {

    private static final Logger LOG = LoggerFactory.getLogger(UnavailableProblemHandler.class);
    static final String RETRY_AFTER_SECONDS = "5";

    @Override
    public MutableHttpResponse<?> handle(HttpRequest request, RuntimeException exception) {
        if (Transience.isTransient(exception)) {
            LOG.warn("{} {}: database unavailable: {}", request.getMethod(), request.getPath(), exception.getMessage());
            return ProblemResponses.response(HttpStatus.SERVICE_UNAVAILABLE, "dependency-unavailable",
                            "Temporarily unavailable", "A service this request needs is not answering; nothing was changed.")
                    .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        LOG.error("{} {} failed", request.getMethod(), request.getPath(), exception);
        return ProblemResponses.response(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                "Something went wrong", "The failure has been logged; nothing was changed.");
    }
}
