package io.concordat.portal.services;

import io.concordat.portal.signin.PortalSession;
import io.concordat.portal.signin.SignInAgain;
import io.concordat.portal.signin.Tokens;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import java.net.MalformedURLException;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * The portal as a backend for the browser: every call goes to the platform's API (through the
 * gateway) with the signed-in user's own access token, so each service decides what this user
 * may see and do, exactly as for any other client. Answers are read as plain maps and lists for
 * the templates.
 */
@Singleton
public class ServiceCalls {

    private final HttpClient client;
    private final BlockingHttpClient http;
    private final Tokens tokens;

    public ServiceCalls(@Value("${concordat.portal.api-url}") URI api, Tokens tokens) throws MalformedURLException {
        this.client = HttpClient.create(api.toURL());
        this.http = client.toBlocking();
        this.tokens = tokens;
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> get(PortalSession session, String path) {
        return (Map<String, Object>) send(session, HttpRequest.GET(path));
    }

    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> list(PortalSession session, String path) {
        return (List<Map<String, Object>>) send(session, HttpRequest.GET(path));
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> post(PortalSession session, String path, Object body) {
        return (Map<String, Object>) send(session, HttpRequest.POST(path, body == null ? Map.of() : body));
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> put(PortalSession session, String path, Object body) {
        return (Map<String, Object>) send(session, HttpRequest.PUT(path, body));
    }

    private Object send(PortalSession session, MutableHttpRequest<?> request) {
        request.bearerAuth(tokens.accessToken(session));
        try {
            return http.retrieve(request, Argument.OBJECT_ARGUMENT);
        } catch (HttpClientResponseException refused) {
            if (refused.getStatus().getCode() == 401) {
                throw new SignInAgain("the service did not accept the session's token");
            }
            Map<?, ?> problem = refused.getResponse().getBody(Map.class).orElse(Map.of());
            String type = String.valueOf(problem.get("type") == null ? "" : problem.get("type"))
                    .replace("urn:concordat:problem:", "");
            Object field = problem.get("field");
            Object detail = problem.get("detail");
            throw new ServiceRefusal(refused.getStatus().getCode(), type, detail == null ? refused.getMessage()
                    : detail.toString(), field == null ? null : field.toString());
        }
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
