package io.concordat.kit.input;

import io.concordat.kit.problem.ProblemException;
import io.concordat.kit.problem.ProblemResponses;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Refuses, before anything else reads it, a request whose path or query is not well-formed text:
 * invalid percent-encoding ({@code %zz}), bytes that are not UTF-8 ({@code %ff}), or decoded values
 * holding control or bidirectional characters or longer than {@link InputRules#DEFAULT_TEXT_MAX}.
 * The answer is a 400 problem naming the part or the query parameter.
 */
// The API services, which own a database; the gateway has rules of its own at the front door.
@Requires(property = "datasources.default.url")
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class RequestTargetRules implements Ordered {

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.order();
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> check(HttpRequest<?> request) {
        try {
            String target = request.getUri().toString();
            int queryAt = target.indexOf('?');
            String path = queryAt < 0 ? target : target.substring(0, queryAt);
            int fragmentAt = path.indexOf('#');
            for (String segment : (fragmentAt < 0 ? path : path.substring(0, fragmentAt)).split("/")) {
                InputRules.text("path", decode("path", segment, false), 0);
            }
            if (queryAt >= 0) {
                for (String pair : target.substring(queryAt + 1).split("&")) {
                    int eq = pair.indexOf('=');
                    String name = decode("query parameter", eq < 0 ? pair : pair.substring(0, eq), true);
                    InputRules.text("query parameter", name, 0);
                    if (eq >= 0) {
                        InputRules.text(name, decode(name, pair.substring(eq + 1), true), 0);
                    }
                }
            }
            return null;
        } catch (ProblemException e) {
            return ProblemResponses.response(e.problem());
        }
    }

    /** Percent-decodes strictly: a broken escape or bytes that are not UTF-8 are refused, not replaced. */
    /**
     * @throws ProblemException 400 naming the field, for a broken escape or bytes that are not UTF-8
     */
    public static String decode(String field, String encoded, boolean plusIsSpace) {
        if (encoded.indexOf('%') < 0) {
            return plusIsSpace ? encoded.replace('+', ' ') : encoded;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%') {
                int hi = i + 2 < encoded.length() ? Character.digit(encoded.charAt(i + 1), 16) : -1;
                int lo = hi < 0 ? -1 : Character.digit(encoded.charAt(i + 2), 16);
                if (lo < 0) {
                    throw InputRules.invalid(field, "invalid-percent-encoding", "has an invalid percent-encoding");
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                bytes.write(' ');
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(b, 0, b.length);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw InputRules.invalid(field, "not-unicode", "is not valid UTF-8 once decoded");
        }
    }
}
