package io.concordat.kit.problem;

import io.micronaut.http.HttpStatus;

import java.net.URI;
import java.util.Map;

/**
 * Thrown to answer a request with a problem. The factory methods fix the status and title for
 * each kind; the slug names the particular problem and stays stable for clients.
 */
public class ProblemException extends RuntimeException {

    private static final String TYPE_PREFIX = "urn:concordat:problem:";

    private final transient ProblemDetail problem;

    public ProblemException(HttpStatus status, String slug, String title, String detail, Map<String, Object> extensions) {
        super(detail);
        this.problem = new ProblemDetail(type(slug), title, status.getCode(), detail, extensions);
    }

    public static URI type(String slug) {
        return URI.create(TYPE_PREFIX + slug);
    }

    public ProblemDetail problem() {
        return problem;
    }

    public static ProblemException badRequest(String slug, String detail) {
        return new ProblemException(HttpStatus.BAD_REQUEST, slug, "The request is not valid", detail, Map.of());
    }

    public static ProblemException notFound(String slug, String detail) {
        return new ProblemException(HttpStatus.NOT_FOUND, slug, "Not found", detail, Map.of());
    }

    public static ProblemException conflict(String slug, String detail) {
        return conflict(slug, detail, Map.of());
    }

    public static ProblemException conflict(String slug, String detail, Map<String, Object> extensions) {
        return new ProblemException(HttpStatus.CONFLICT, slug, "Conflicts with the current state", detail, extensions);
    }

    public static ProblemException forbidden(String slug, String detail) {
        return new ProblemException(HttpStatus.FORBIDDEN, slug, "Not allowed", detail, Map.of());
    }

    public static ProblemException unprocessable(String slug, String detail) {
        return new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, slug, "The request cannot be carried out", detail,
                Map.of());
    }
}
