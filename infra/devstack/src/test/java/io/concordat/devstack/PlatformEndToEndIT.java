package io.concordat.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.UserRepresentation;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole platform as the README runs it: real PostgreSQL, Kafka and Keycloak, every service
 * as its own process ({@link SharedStack}: booted once for every end-to-end class).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedStack.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(1)
class PlatformEndToEndIT {

    private static final Duration EVENTUAL = Duration.ofSeconds(60);

    private final ObjectMapper json = new ObjectMapper();
    private Devstack stack;
    private StackClient client;
    /** The council registered in order 5: its id, its first admin's username and password. */
    private String[] wyreAdmin;

    @BeforeAll
    void useTheSharedStack() {
        stack = SharedStack.stack();
        client = new StackClient(stack);
    }

    @Test
    @Order(1)
    void theDemoRegionIsReadableWithADemoUsersToken() throws Exception {
        String officer = client.signIn("officer.bromsgrove");

        JsonNode regions = client.get("/api/v1/tenants/regions", officer, 200);
        assertTrue(regions.toString().contains(DemoData.ALLIANCE), regions.toString());
        assertEquals(2, client.get("/api/v1/reporting/pipeline", officer, 200).get("total").asLong(),
                "the two demo opportunities reached reporting through Kafka");
        // the gateway's health and metrics answer on its management port only, never on the front door
        assertEquals(404, client.send("GET", "/health", null, null).statusCode());
        assertEquals(404, client.send("GET", "/prometheus", null, null).statusCode());

        String alliance = null;
        for (JsonNode region : regions) {
            if (DemoData.ALLIANCE.equals(region.get("name").asText())) {
                alliance = region.get("id").asText();
            }
        }
        String viewer = client.signIn("viewer.alliance");
        JsonNode dashboard = client.get("/api/v1/reporting/regions/" + alliance + "/dashboard", viewer, 200);
        assertEquals(1, dashboard.get("pipeline").get("total").asLong(), "only what Bromsgrove shared with the alliance");
        assertEquals(2, dashboard.get("vacancies").get("open").asLong(), "the two elections vacancies");
        HttpResponse<String> report = client.send("GET", "/api/v1/reporting/regions/" + alliance + "/board-reports/2026-27/Q3?format=pdf",
                viewer, null);
        assertEquals(200, report.statusCode());
        assertTrue(report.body().startsWith("%PDF"), "a PDF board report through the gateway");
    }

    @Test
    @Order(2)
    void anOpportunityProposedThroughTheGatewayIsCountedByReporting() throws Exception {
        String officer = client.signIn("officer.bromsgrove");
        long before = pipelineTotal(officer);

        HttpResponse<String> proposed = client.send("POST", "/api/v1/opportunities", officer,
                "{\"title\":\"Joint procurement consortium\",\"serviceArea\":\"support.procurement\"}");

        assertEquals(201, proposed.statusCode(), proposed.body());
        awaitTotal(officer, before + 1);
        String id = json.readTree(proposed.body()).get("id").asText();
        assertEquals(404, client.send("GET", "/api/v1/opportunities/" + id, client.signIn("officer.redditch"), null).statusCode(),
                "another council's officer cannot read it");
    }

    @Test
    @Order(3)
    void withKafkaStoppedAProposalSucceedsAndArrivesOnceWhenKafkaReturns() throws Exception {
        String officer = client.signIn("officer.bromsgrove");
        long before = pipelineTotal(officer);

        stack.kafka().stop();
        HttpResponse<String> proposed;
        try {
            proposed = client.send("POST", "/api/v1/opportunities", officer,
                    "{\"title\":\"Shared internal audit\",\"serviceArea\":\"support.audit\"}");
        } finally {
            stack.kafka().start(seconds -> { });
        }

        assertEquals(201, proposed.statusCode(), proposed.body());
        awaitTotal(officer, before + 1);
        Thread.sleep(3_000);
        assertEquals(before + 1, pipelineTotal(officer), "counted once, not again after a redelivery");
    }

    @Test
    @Order(4)
    void missingForeignOrAlteredTokensGet401AndMalformedBodiesGet400() throws Exception {
        String officer = client.signIn("officer.bromsgrove");
        long before = client.get("/api/v1/opportunities", officer, 200).get("totalSize").asLong();
        String body = "{\"title\":\"x\",\"serviceArea\":\"support.hr\"}";

        client.assertProblem(client.send("POST", "/api/v1/opportunities", null, body), 401);
        client.assertProblem(client.send("POST", "/api/v1/opportunities", "not-a-token", body), 401);
        client.assertProblem(client.send("POST", "/api/v1/opportunities", withAlteredPayload(officer), body), 401);
        client.assertProblem(client.send("POST", "/api/v1/opportunities", foreignIssuerToken(officer), body), 401);
        client.assertProblem(client.send("POST", "/api/v1/opportunities", officer, "{\"title\": "), 400);
        client.assertProblem(client.send("POST", "/api/v1/opportunities", officer, "{\"title\":\"x\",\"serviceArea\":\"nowhere\"}"), 400);

        assertEquals(before, client.get("/api/v1/opportunities", officer, 200).get("totalSize").asLong(), "nothing was written");
    }

    @Test
    @Order(5)
    void aNewCouncilIsApprovedAndJoinsAndItsFirstAdminSeesOnlyWhatTheRegionShares() throws Exception {
        String platform = client.signIn("platform.admin");
        HttpResponse<String> registered = client.send("POST", "/api/v1/tenants/authorities", platform, """
                {"name":"Wyre Forest District Council","kind":"DISTRICT","gssCode":"E07000239",
                 "emailDomains":["wyreforest.gov.uk"],
                 "firstAdmin":{"email":"ict.admin@wyreforest.gov.uk","firstName":"Wyn","lastName":"Forester"}}""");
        assertEquals(201, registered.statusCode(), registered.body());
        String wyre = json.readTree(registered.body()).get("id").asText();
        assertEquals("PENDING", json.readTree(registered.body()).get("status").asText());

        JsonNode approval = json.readTree(client.send("POST", "/api/v1/tenants/authorities/" + wyre + "/approve", platform, null)
                .body());
        wyreAdmin = new String[] {wyre, approval.get("firstAdminUsername").asText(), approval.get("initialPassword").asText()};
        String firstAdmin = client.signIn(approval.get("firstAdminUsername").asText(), approval.get("initialPassword").asText());
        JsonNode claims = json.readTree(Base64.getUrlDecoder().decode(firstAdmin.split("\\.")[1]));
        assertEquals(wyre, claims.get("authority_id").asText(), "the token names the new authority");
        assertTrue(claims.get("roles").toString().contains("authority-admin"));

        String alliance = null;
        for (JsonNode region : client.get("/api/v1/tenants/regions", firstAdmin, 200)) {
            if (DemoData.ALLIANCE.equals(region.get("name").asText())) {
                alliance = region.get("id").asText();
            }
        }
        HttpResponse<String> asked = client.send("POST", "/api/v1/tenants/regions/" + alliance + "/membership-requests", firstAdmin,
                null);
        assertEquals(201, asked.statusCode(), asked.body());
        String request = json.readTree(asked.body()).get("id").asText();
        assertEquals(200, client.send("POST", "/api/v1/tenants/regions/" + alliance + "/membership-requests/" + request
                + "/approve", client.signIn("regionadmin.alliance"), null).statusCode());

        long deadline = System.nanoTime() + EVENTUAL.toNanos();
        JsonNode seen = client.get("/api/v1/opportunities", firstAdmin, 200).get("content");
        while (!seen.toString().contains("Shared elections service") && System.nanoTime() < deadline) {
            Thread.sleep(250);
            seen = client.get("/api/v1/opportunities", firstAdmin, 200).get("content");
        }
        assertTrue(seen.toString().contains("Shared elections service"), "what the alliance shares: " + seen);
        assertTrue(!seen.toString().contains("Review of Bromsgrove"), "nothing Bromsgrove kept to itself: " + seen);
        for (JsonNode own : client.get("/api/v1/opportunities", client.signIn("officer.bromsgrove"), 200).get("content")) {
            if (own.get("regionIds").isEmpty()) {
                assertEquals(404, client.send("GET", "/api/v1/opportunities/" + own.get("id").asText(), firstAdmin, null)
                        .statusCode());
            }
        }
    }

    @Test
    @Order(6)
    void aSuspendedCouncilCannotSignInNorWriteWithAnOldTokenUntilItIsApprovedAgain() throws Exception {
        String platform = client.signIn("platform.admin");
        String redditch = authorityId(platform, DemoData.REDDITCH.name());
        String issuedBefore = client.signIn("officer.redditch");
        assertEquals(201, postVacancy(issuedBefore, "Payroll Officer").statusCode());

        HttpResponse<String> suspended = client.send("POST", "/api/v1/tenants/authorities/" + redditch + "/suspend", platform,
                "{\"reason\":\"Suspended while its data-sharing agreement is renewed\"}");
        assertEquals(200, suspended.statusCode(), suspended.body());

        assertEquals(400, client.signInStatus("officer.redditch", DemoData.PASSWORD), "Keycloak refuses the next sign-in");
        HttpResponse<String> refused = eventually(() -> postVacancy(issuedBefore, "Payroll Assistant"), 403);
        client.assertProblem(refused, 403);
        assertTrue(refused.body().contains("authority-suspended"), refused.body());

        HttpResponse<String> approved = client.send("POST", "/api/v1/tenants/authorities/" + redditch + "/approve", platform, null);
        assertEquals(200, approved.statusCode(), approved.body());

        String issuedAfter = client.signIn("officer.redditch");
        assertEquals(201, eventually(() -> postVacancy(issuedBefore, "Payroll Assistant"), 201).statusCode(),
                "the old token works again once the authority is approved");
        assertEquals(201, postVacancy(issuedAfter, "Pensions Officer").statusCode());
    }

    @Test
    @Order(7)
    void registrationsThatCouldNeverSignInAreRefusedAtRegistration() throws Exception {
        String platform = client.signIn("platform.admin");
        long pending = client.get("/api/v1/tenants/authorities?status=PENDING", platform, 200).get("totalSize").asLong();
        String body = """
                {"name":"Malvern Hills District Council","kind":"DISTRICT",%s
                 "firstAdmin":{"email":"%s","firstName":"Mal","lastName":"Vern"}}""";

        client.assertProblem(client.send("POST", "/api/v1/tenants/authorities", platform,
                body.formatted("", "ict@malvernhills.gov.uk")), 400);
        client.assertProblem(client.send("POST", "/api/v1/tenants/authorities", platform,
                body.formatted("\"emailDomains\":[\"malvernhills.gov.uk\"],", "officer@redditch.test")), 409);
        client.assertProblem(client.send("POST", "/api/v1/tenants/authorities", platform,
                body.formatted("\"emailDomains\":[\"malvernhills.gov.uk\"],", "platform-admin@bromsgrove.gov.uk")), 409);

        assertEquals(pending, client.get("/api/v1/tenants/authorities?status=PENDING", platform, 200).get("totalSize").asLong());
    }

    @Test
    @Order(8)
    void anUnknownRouteIs404Or405ThroughTheGateway() throws Exception {
        String officer = client.signIn("officer.bromsgrove");
        client.assertProblem(client.send("GET", "/api/v1/tenants/regions/" + java.util.UUID.randomUUID() + "/board", officer, null), 405);
        client.assertProblem(client.send("POST", "/api/v1/opportunities/nowhere/at/all", officer, "{}"), 404);
        client.assertProblem(client.send("POST", "/api/v1/tenants/authorities", officer, "{}"), 403);
    }

    @Test
    @Order(9)
    void aProvisioningThatFailsPartWayLeavesNothingInKeycloak() throws Exception {
        String platform = client.signIn("platform.admin");
        HttpResponse<String> registered = client.send("POST", "/api/v1/tenants/authorities", platform, """
                {"name":"Wychavon District Council","kind":"DISTRICT","emailDomains":["wychavon.gov.uk"],
                 "firstAdmin":{"email":"ict@wychavon.gov.uk","firstName":"Wy","lastName":"Chavon"}}""");
        assertEquals(201, registered.statusCode(), registered.body());
        String wychavon = json.readTree(registered.body()).get("id").asText();
        try (Keycloak admin = KeycloakBuilder.builder().serverUrl(stack.keycloakUrl()).realm("master").clientId("admin-cli")
                .username(Devstack.KEYCLOAK_ADMIN).password(Devstack.KEYCLOAK_ADMIN_PASSWORD).build()) {
            RealmResource realm = admin.realm(Devstack.REALM);
            UserRepresentation elsewhere = new UserRepresentation();
            elsewhere.setUsername("ict@wychavon.gov.uk");
            elsewhere.setEmail("ict@wychavon.gov.uk");
            elsewhere.setFirstName("Signed");
            elsewhere.setLastName("Elsewhere");
            elsewhere.setEnabled(true);
            realm.users().create(elsewhere).close();

            HttpResponse<String> approval = client.send("POST", "/api/v1/tenants/authorities/" + wychavon + "/approve", platform, null);

            client.assertProblem(approval, 409);
            assertTrue(realm.organizations().searchByAttribute("authority_id:" + wychavon).isEmpty(),
                    "the organization created for the attempt was removed");
            assertEquals("PENDING", client.get("/api/v1/tenants/authorities/" + wychavon, platform, 200).get("status").asText());
        }
    }

    @Test
    @Order(10)
    void aCouncilThatLeavesTheAllianceAndRejoinsTheSameDaySeesWhatItSharesAgain() throws Exception {
        String wyre = wyreAdmin[0];
        String firstAdmin = client.signIn(wyreAdmin[1], wyreAdmin[2]);
        String alliance = null;
        for (JsonNode region : client.get("/api/v1/tenants/regions", firstAdmin, 200)) {
            if (DemoData.ALLIANCE.equals(region.get("name").asText())) {
                alliance = region.get("id").asText();
            }
        }
        assertEquals(200, client.send("POST", "/api/v1/tenants/regions/" + alliance + "/members/" + wyre + "/leave", firstAdmin,
                null).statusCode());
        awaitSeesShared(firstAdmin, false);

        HttpResponse<String> asked = client.send("POST", "/api/v1/tenants/regions/" + alliance + "/membership-requests", firstAdmin,
                null);
        assertEquals(201, asked.statusCode(), asked.body());
        HttpResponse<String> approved = client.send("POST", "/api/v1/tenants/regions/" + alliance + "/membership-requests/"
                + json.readTree(asked.body()).get("id").asText() + "/approve", client.signIn("regionadmin.alliance"), null);
        assertEquals(200, approved.statusCode(), approved.body());

        awaitSeesShared(firstAdmin, true);
    }

    /** Waits until the opportunities service's own membership copy shows (or hides) what the alliance shares. */
    private void awaitSeesShared(String token, boolean expected) throws Exception {
        long deadline = System.nanoTime() + EVENTUAL.toNanos();
        boolean sees = client.get("/api/v1/opportunities", token, 200).get("content").toString().contains("Shared elections service");
        while (sees != expected && System.nanoTime() < deadline) {
            Thread.sleep(250);
            sees = client.get("/api/v1/opportunities", token, 200).get("content").toString().contains("Shared elections service");
        }
        assertEquals(expected, sees, "sees what the alliance shares");
    }

    private String authorityId(String token, String name) throws IOException, InterruptedException {
        for (JsonNode authority : client.get("/api/v1/tenants/authorities?size=200", token, 200).get("content")) {
            if (name.equals(authority.get("name").asText())) {
                return authority.get("id").asText();
            }
        }
        throw new AssertionError("no authority " + name);
    }

    private HttpResponse<String> postVacancy(String token, String title) throws IOException, InterruptedException {
        return client.send("POST", "/api/v1/opportunities/vacancies", token, "{\"title\":\"" + title + "\",\"serviceArea\":"
                + "\"support.payroll\",\"grade\":\"S4\",\"closingDate\":\"" + java.time.LocalDate.now().plusMonths(1) + "\"}");
    }

    /** Repeats the request until it answers {@code status} (each service learns a suspension from Kafka) or time is up. */
    private HttpResponse<String> eventually(Attempt attempt, int status) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        HttpResponse<String> response = attempt.send();
        while (response.statusCode() != status && System.nanoTime() < deadline) {
            Thread.sleep(250);
            response = attempt.send();
        }
        assertEquals(status, response.statusCode(), response.body());
        return response;
    }

    private interface Attempt {
        HttpResponse<String> send() throws Exception;
    }

    private long pipelineTotal(String token) throws IOException, InterruptedException {
        return client.get("/api/v1/reporting/pipeline", token, 200).get("total").asLong();
    }

    private void awaitTotal(String token, long expected) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + EVENTUAL.toNanos();
        long total = pipelineTotal(token);
        while (total != expected && System.nanoTime() < deadline) {
            Thread.sleep(250);
            total = pipelineTotal(token);
        }
        assertEquals(expected, total, "reporting's count");
    }

    /** The real token with its payload edited to another authority: the signature no longer matches. */
    private static String withAlteredPayload(String token) {
        return withPayload(token, payload -> payload.replace("\"authority_id\":\"", "\"authority_id\":\"0"));
    }

    /** The real token's claims with another issuer: refused whatever the signature. */
    private static String foreignIssuerToken(String token) {
        return withPayload(token, payload -> payload.replaceAll("\"iss\":\"[^\"]+\"",
                "\"iss\":\"http://127.0.0.1:1/realms/elsewhere\""));
    }

    private static String withPayload(String token, java.util.function.UnaryOperator<String> edit) {
        String[] parts = token.split("\\.");
        String payload = edit.apply(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
    }
}
