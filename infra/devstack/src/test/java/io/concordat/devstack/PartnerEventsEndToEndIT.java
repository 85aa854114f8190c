package io.concordat.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Partner systems on the whole platform, with the real Keycloak: the demo partner receives its
 * webhooks and is refused everywhere but the partner API; an authority admin registers a partner
 * that signs in with client credentials, rotates its secret and disables it; another council's
 * private opportunity never reaches Bromsgrove's partner.
 */
@ExtendWith(SharedStack.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PartnerEventsEndToEndIT {

    private final HttpClient http = HttpClient.newHttpClient();
    private StackClient client;

    @BeforeAll
    void stack() {
        client = new StackClient(SharedStack.stack());
    }

    private HttpResponse<String> clientCredentials(String clientId, String secret) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(client.stack().issuer() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id="
                        + URLEncoder.encode(clientId, StandardCharsets.UTF_8) + "&client_secret="
                        + URLEncoder.encode(secret, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String partnerToken(String clientId, String secret) throws IOException, InterruptedException {
        HttpResponse<String> response = clientCredentials(clientId, secret);
        assertEquals(200, response.statusCode(), response.body());
        return client.json().readTree(response.body()).get("access_token").asText();
    }

    @Test
    void theDemoPartnerReceivesWebhooksAndIsRefusedEverywhereButThePartnerApi() throws Exception {
        String partner = partnerToken(DemoData.PARTNER_CLIENT, DemoData.PARTNER_SECRET);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (client.stack().partnerWebhookIds().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        assertFalse(client.stack().partnerWebhookIds().isEmpty(), "the demo receiver got the partner's webhooks");
        assertEquals(200, client.send("GET", "/api/v1/partner-events/subscriptions", partner, null).statusCode());
        assertEquals(200, client.send("GET", "/api/v1/partner-events/events?limit=5", partner, null).statusCode());
        for (String path : List.of("/api/v1/opportunities", "/api/v1/opportunities/vacancies", "/api/v1/hosting/arrangements",
                "/api/v1/tenants/authorities", "/api/v1/tenants/regions", "/api/v1/reporting/pipeline",
                "/api/v1/partner-events/partners")) {
            client.assertProblem(client.send("GET", path, partner, null), 403);
        }
        client.assertProblem(client.send("POST", "/api/v1/opportunities", partner,
                "{\"title\":\"x\",\"serviceArea\":\"support.hr\"}"), 403);
    }

    @Test
    void anAuthorityAdminRegistersAPartnerThatSignsInRotatesAndIsDisabled() throws Exception {
        String admin = client.signIn("admin.bromsgrove");
        HttpResponse<String> registered = client.send("POST", "/api/v1/partner-events/partners", admin,
                "{\"name\":\"Bromsgrove payroll system\"}");
        assertEquals(201, registered.statusCode(), registered.body());
        JsonNode partner = client.json().readTree(registered.body());
        String clientId = partner.get("clientId").asText();
        String secret = partner.get("clientSecret").asText();
        String token = partnerToken(clientId, secret);
        assertEquals(200, client.send("GET", "/api/v1/partner-events/subscriptions", token, null).statusCode());
        client.assertProblem(client.send("GET", "/api/v1/opportunities", token, null), 403);

        String rotated = client.json().readTree(client.send("POST", "/api/v1/partner-events/partners/" + clientId
                + "/secret", admin, null).body()).get("clientSecret").asText();
        assertEquals(401, clientCredentials(clientId, secret).statusCode(), "the old secret stops working");
        String fresh = partnerToken(clientId, rotated);

        assertEquals(200, client.send("POST", "/api/v1/partner-events/partners/" + clientId + "/disable", admin, null)
                .statusCode());
        assertTrue(clientCredentials(clientId, rotated).statusCode() >= 400, "a disabled partner gets no token");
        client.assertProblem(client.send("GET", "/api/v1/partner-events/subscriptions", fresh, null), 403);
    }

    @Test
    void anotherCouncilsPrivateOpportunityNeverReachesBromsgrovesPartner() throws Exception {
        String redditch = client.signIn("officer.redditch");
        HttpResponse<String> proposed = client.send("POST", "/api/v1/opportunities", redditch,
                "{\"title\":\"Redditch's own depot review\",\"serviceArea\":\"support.property\"}");
        assertEquals(201, proposed.statusCode(), proposed.body());
        String opportunity = client.json().readTree(proposed.body()).get("id").asText();
        String bromsgrove = client.signIn("officer.bromsgrove");
        HttpResponse<String> own = client.send("POST", "/api/v1/opportunities", bromsgrove,
                "{\"title\":\"Bromsgrove's own fleet review\",\"serviceArea\":\"support.property\"}");
        assertEquals(201, own.statusCode(), own.body());
        String ownId = client.json().readTree(own.body()).get("id").asText();

        String partner = partnerToken(DemoData.PARTNER_CLIENT, DemoData.PARTNER_SECRET);
        List<String> subjects = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!subjects.contains(ownId) && System.nanoTime() < deadline) {
            subjects.clear();
            long after = 0;
            while (true) {
                JsonNode page = client.get("/api/v1/partner-events/events?after=" + after + "&limit=500", partner, 200);
                page.get("events").forEach(e -> subjects.add(e.get("subject").asText()));
                if (page.get("events").isEmpty()) {
                    break;
                }
                after = page.get("next").asLong();
            }
            Thread.sleep(500);
        }
        assertTrue(subjects.contains(ownId), "Bromsgrove's own proposal reached its partner");
        assertFalse(subjects.contains(opportunity), "Redditch's private proposal reached Bromsgrove's partner");
        assertFalse(client.stack().partnerWebhookIds().isEmpty());
    }
}
