package io.concordat.kit.testing;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;

import java.util.List;
import java.util.Map;

/** JSON calls to a service under test with a bearer token: the answer's body, or just its status. */
public final class ApiCalls {

    private final HttpClient http;

    public ApiCalls(HttpClient http) {
        this.http = http;
    }

    /** Sends and returns the JSON object answered; a 4xx or 5xx throws. */
    public Map<?, ?> send(HttpMethod method, String path, String token, String body) {
        return http.toBlocking().retrieve(request(method, path, token, body), Map.class);
    }

    /** Gets a JSON object. */
    public Map<?, ?> get(String path, String token) {
        return send(HttpMethod.GET, path, token, null);
    }

    /** Posts a JSON body (none when null) and returns the JSON object answered. */
    public Map<?, ?> post(String path, String token, String body) {
        return send(HttpMethod.POST, path, token, body);
    }

    /** Posts to create something and returns its id, as answered. */
    public String create(String path, String token, String body) {
        return (String) post(path, token, body).get("id");
    }

    public Map<?, ?> put(String path, String token, String body) {
        return send(HttpMethod.PUT, path, token, body);
    }

    public Map<?, ?> patch(String path, String token, String body) {
        return send(HttpMethod.PATCH, path, token, body);
    }

    /** Sends and returns the whole answer, status and headers with the JSON object; a 4xx or 5xx throws. */
    public HttpResponse<Map> exchange(HttpMethod method, String path, String token, String body) {
        return http.toBlocking().exchange(request(method, path, token, body), Map.class);
    }

    /** Gets a JSON array. */
    public List<Map> list(String path, String token) {
        return http.toBlocking().retrieve(request(HttpMethod.GET, path, token, null), Argument.listOf(Map.class));
    }

    /** Gets a text body (HTML, CSV); a 4xx or 5xx throws. */
    public String text(String path, String token) {
        return http.toBlocking().retrieve(request(HttpMethod.GET, path, token, null), String.class);
    }

    /** The status answered, whatever it is. */
    public HttpStatus status(HttpMethod method, String path, String token, String body) {
        try {
            return http.toBlocking().exchange(request(method, path, token, body), String.class).getStatus();
        } catch (HttpClientResponseException e) {
            return e.getStatus();
        }
    }

    /** One request of an isolation sweep. */
    public record Call(HttpMethod method, String path, String body) {
    }

    /**
     * Tries every call with every wrong token (named for the failure message) and returns what
     * succeeded: a leak or a change that should have been refused. An empty list is the pass.
     */
    public List<String> leaks(Map<String, String> wrongTokens, List<Call> calls) {
        List<String> leaks = new java.util.ArrayList<>();
        wrongTokens.forEach((who, token) -> calls.forEach(call -> {
            HttpStatus status = status(call.method(), call.path(), token, call.body());
            if (status.getCode() < 400) {
                leaks.add(who + ": " + call.method() + " " + call.path() + " answered " + status);
            }
        }));
        return leaks;
    }

    public static MutableHttpRequest<String> request(HttpMethod method, String path, String token, String body) {
        MutableHttpRequest<String> request = HttpRequest.<String>create(method, path).bearerAuth(token);
        if (method != HttpMethod.GET) {
            request.body(body == null ? "" : body).contentType(MediaType.APPLICATION_JSON_TYPE);
        }
        return request;
    }
}
