package io.concordat.kit.apidocs;

import io.concordat.kit.problem.ProblemDetail;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a controller: every operation it has is documented with the problem+json (RFC 9457) answers the
 * platform gives for any request, from the kit's handlers, besides its own success. One annotation per
 * controller keeps the published document true without a block on each method.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ApiResponse(responseCode = "400", description = "The request breaks an input rule (a field, the path or the query); `field` names it.",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class),
                examples = @ExampleObject(name = "invalid-input", value = ProblemAnswers.BAD_REQUEST)))
@ApiResponse(responseCode = "401", description = "No valid bearer token; the answer carries `WWW-Authenticate: Bearer`.",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class),
                examples = @ExampleObject(name = "unauthorized", value = ProblemAnswers.UNAUTHORIZED)))
@ApiResponse(responseCode = "403", description = "The caller's roles or authority do not allow this.",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class),
                examples = @ExampleObject(name = "forbidden", value = ProblemAnswers.FORBIDDEN)))
@ApiResponse(responseCode = "404", description = "Nothing with that id that the caller may see.",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class),
                examples = @ExampleObject(name = "not-found", value = ProblemAnswers.NOT_FOUND)))
@ApiResponse(responseCode = "409", description = "A rule refuses the change in the resource's present state; `type` names the rule.",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class),
                examples = @ExampleObject(name = "conflict", value = ProblemAnswers.CONFLICT)))
@ApiResponse(responseCode = "503", description = "A dependency is down; try again after `Retry-After` seconds. Nothing was written.",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class),
                examples = @ExampleObject(name = "unavailable", value = ProblemAnswers.UNAVAILABLE)))
public @interface ProblemAnswers {

    String BAD_REQUEST = "{\"type\":\"urn:concordat:problem:too-long\",\"title\":\"The request is not valid\",\"status\":400,"
            + "\"detail\":\"name is longer than 200 characters.\",\"field\":\"name\"}";
    String UNAUTHORIZED = "{\"type\":\"urn:concordat:problem:unauthenticated\",\"title\":\"Sign-in required\",\"status\":401,"
            + "\"detail\":\"This request needs a valid bearer token from the Concordat identity provider.\"}";
    String FORBIDDEN = "{\"type\":\"urn:concordat:problem:forbidden\",\"title\":\"Not allowed\",\"status\":403,"
            + "\"detail\":\"Your roles do not allow this request.\"}";
    String NOT_FOUND = "{\"type\":\"urn:concordat:problem:not-found\",\"title\":\"Not found\",\"status\":404,"
            + "\"detail\":\"No such arrangement.\"}";
    String CONFLICT = "{\"type\":\"urn:concordat:problem:not-agreed\",\"title\":\"Conflicts with the current state\","
            + "\"status\":409,\"detail\":\"Only an agreed arrangement starts.\"}";
    String UNAVAILABLE = "{\"type\":\"urn:concordat:problem:dependency-unavailable\",\"title\":\"Temporarily unavailable\","
            + "\"status\":503,\"detail\":\"A service this request needs is not answering; nothing was changed.\"}";
}
