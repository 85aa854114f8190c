package io.concordat.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What an end-to-end test does through the running stack: sign in at Keycloak, call the gateway. */
public final class StackClient {

    private final Devstack stack;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    public StackClient(Devstack stack) {
        this.stack = stack;
    }

    public Devstack stack() {
        return stack;
    }

    public ObjectMapper json() {
        return json;
    }

    /** The status of a password sign-in at the realm's token endpoint. */
    public int signInStatus(String username, String password) throws IOException, InterruptedException {
        return passwordGrant(username, password).statusCode();
    }

    /** A demo user's access token. */
    public String signIn(String username) throws IOException, InterruptedException {
        return signIn(username, DemoData.PASSWORD);
    }

    public String signIn(String username, String password) throws IOException, InterruptedException {
        HttpResponse<String> response = passwordGrant(username, password);
        assertEquals(200, response.statusCode(), response.body());
        return json.readTree(response.body()).get("access_token").asText();
    }

    private HttpResponse<String> passwordGrant(String username, String password) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(stack.issuer() + "/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=concordat-cli&username="
                                + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                                + URLEncoder.encode(password, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public JsonNode get(String path, String token, int expected) throws IOException, InterruptedException {
        HttpResponse<String> response = send("GET", path, token, null);
        assertEquals(expected, response.statusCode(), response.body());
        return json.readTree(response.body());
    }

    /** A request to the gateway with a JSON body (or none) and the bearer token (or none). */
    public HttpResponse<String> send(String method, String path, String token, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public void assertProblem(HttpResponse<String> response, int status) throws IOException {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        assertEquals(status, json.readTree(response.body()).get("status").asInt());
    }
}
