package io.concordat.kit.testing;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
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

    /** Gets a JSON array. */
    public List<Map> list(String path, String token) {
        return http.toBlocking().retrieve(request(HttpMethod.GET, path, token, null), Argument.listOf(Map.class));
    }

    /** The status answered, whatever it is. */
    public HttpStatus status(HttpMethod method, String path, String token, String body) {
        try {
            return http.toBlocking().exchange(request(method, path, token, body), String.class).getStatus();
        } catch (HttpClientResponseException e) {
            return e.getStatus();
        }
    }

    public static MutableHttpRequest<String> request(HttpMethod method, String path, String token, String body) {
        MutableHttpRequest<String> request = HttpRequest.<String>create(method, path).bearerAuth(token);
        if (method != HttpMethod.GET) {
            request.body(body == null ? "" : body).contentType(MediaType.APPLICATION_JSON_TYPE);
        }
        return request;
    }
}
