package io.concordat.kit.problem;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** Answers a thrown {@link ProblemException} with its problem. */
@Singleton
public class ProblemExceptionHandler implements ExceptionHandler<ProblemException, MutableHttpResponse<?>> {

    @Override
    public MutableHttpResponse<?> handle(HttpRequest request, ProblemException exception) {
        return ProblemResponses.response(exception.problem());
    }
}
