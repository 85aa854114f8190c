package io.concordat.kit.problem;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;

/**
 * Makes the framework's own error answers problem+json too: a body that is not JSON, a failed
 * validation, an unknown route. A client error keeps its messages (they describe the caller's
 * input); a server error keeps its detail in the log.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
public class ProblemErrorResponseProcessor implements ErrorResponseProcessor<ProblemDetail> {

    @Override
    public MutableHttpResponse<ProblemDetail> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        HttpStatus status = response.getStatus();
        List<String> messages = context.getErrors().stream().map(Error::getMessage).toList();
        boolean clientError = status.getCode() < 500;
        String detail = clientError && !messages.isEmpty() ? String.join("; ", messages) : null;
        Map<String, Object> extensions = clientError && messages.size() > 1 ? Map.of("errors", messages) : Map.of();
        ProblemDetail problem = new ProblemDetail(ProblemException.type(slug(status)), status.getReason(),
                status.getCode(), detail, extensions);
        return response.contentType(ProblemResponses.PROBLEM_JSON_TYPE).body(problem);
    }

    private static String slug(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "invalid-request";
            case NOT_FOUND -> "not-found";
            case METHOD_NOT_ALLOWED -> "method-not-allowed";
            case UNSUPPORTED_MEDIA_TYPE -> "unsupported-media-type";
            case REQUEST_ENTITY_TOO_LARGE -> "request-too-large";
            case UNAUTHORIZED -> "unauthenticated";
            case FORBIDDEN -> "forbidden";
            default -> "http-" + status.getCode();
        };
    }
}
