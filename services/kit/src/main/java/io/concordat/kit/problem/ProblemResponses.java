package io.concordat.kit.problem;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;

import java.util.Map;

/** Turns a problem into its HTTP response. */
public final class ProblemResponses {

    public static final String PROBLEM_JSON = "application/problem+json";
    public static final MediaType PROBLEM_JSON_TYPE = MediaType.of(PROBLEM_JSON);

    private ProblemResponses() {
    }

    public static MutableHttpResponse<ProblemDetail> response(ProblemDetail problem) {
        return HttpResponse.<ProblemDetail>status(HttpStatus.valueOf(problem.status()))
                .contentType(PROBLEM_JSON_TYPE)
                .body(problem);
    }

    public static MutableHttpResponse<ProblemDetail> response(HttpStatus status, String slug, String title, String detail) {
        return response(new ProblemDetail(ProblemException.type(slug), title, status.getCode(), detail, Map.of()));
    }
}
