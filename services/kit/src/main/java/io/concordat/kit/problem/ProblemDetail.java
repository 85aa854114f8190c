package io.concordat.kit.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.net.URI;
import java.util.Map;

/**
 * An RFC 9457 problem details body, sent as {@code application/problem+json}.
 *
 * @param type       a stable URI naming the kind of problem, {@code urn:concordat:problem:<slug>}
 * @param title      a short summary of the kind of problem
 * @param status     the HTTP status code
 * @param detail     what went wrong with this request, for the person who made it
 * @param extensions further members, e.g. {@code allowed} for the stages a transition may go to
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "An RFC 9457 problem: `type` names the rule (urn:concordat:problem:<slug>); "
        + "further members, such as `field` or `allowed`, sit beside the standard ones.",
        additionalProperties = Schema.AdditionalPropertiesValue.TRUE)
public record ProblemDetail(URI type, String title, int status, @Nullable String detail,
                            @Schema(hidden = true) @JsonAnyGetter Map<String, Object> extensions) {

    public ProblemDetail {
        extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
    }
}
