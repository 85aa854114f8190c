package io.concordat.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.UserRepresentation;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads the demo region through the platform's own API, as an operator would: the councils of
 * the Bromsgrove and Redditch strategic alliance (seed 002), their region, the demo users'
 * authorities in Keycloak, and a first opportunity. Safe to run again: it adds only what is missing.
 */
final class DemoData {

    static final String PASSWORD = "concordat-demo";
    static final String ALLIANCE = "Bromsgrove and Redditch Strategic Alliance";

    record DemoAuthority(String name, String kind, String gssCode, String domain) {
    }

    record DemoUser(String username, List<String> roles, String authority) {
    }

    static final DemoAuthority BROMSGROVE = new DemoAuthority("Bromsgrove District Council", "DISTRICT", "E07000234",
            "bromsgrove.gov.uk");
    static final DemoAuthority REDDITCH = new DemoAuthority("Redditch Borough Council", "BOROUGH", "E07000236",
            "redditch.gov.uk");

    static final List<DemoUser> USERS = List.of(
            new DemoUser("platform.admin", List.of("platform-admin"), null),
            new DemoUser("officer.bromsgrove", List.of("authority-officer"), BROMSGROVE.name()),
            new DemoUser("admin.bromsgrove", List.of("authority-admin", "authority-officer"), BROMSGROVE.name()),
            new DemoUser("board.bromsgrove", List.of("board-member"), BROMSGROVE.name()),
            new DemoUser("officer.redditch", List.of("authority-officer"), REDDITCH.name()),
            new DemoUser("board.redditch", List.of("board-member"), REDDITCH.name()),
            new DemoUser("viewer.alliance", List.of("regional-viewer"), BROMSGROVE.name()),
            new DemoUser("regionadmin.alliance", List.of("region-admin", "regional-viewer"), BROMSGROVE.name()));

    private final String gateway;
    private final String keycloak;
    private final PrintStream out;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    DemoData(String gateway, String keycloak, PrintStream out) {
        this.gateway = gateway;
        this.keycloak = keycloak;
        this.out = out;
    }

    void load() {
        String admin = token("platform.admin");
        Map<String, String> ids = new HashMap<>();
        for (DemoAuthority authority : List.of(BROMSGROVE, REDDITCH)) {
            ids.put(authority.name(), ensureAuthority(admin, authority));
        }
        ensureRegion(admin, List.of(ids.get(BROMSGROVE.name()), ids.get(REDDITCH.name())));
        assignUsers(ids);
        ensureFirstOpportunity();
    }

    private String ensureAuthority(String admin, DemoAuthority authority) {
        JsonNode page = call("GET", "/api/v1/tenants/authorities?size=200&q="
                + URLEncoder.encode(authority.name(), StandardCharsets.UTF_8), admin, null, 200);
        for (JsonNode existing : page.get("content")) {
            if (authority.gssCode().equals(existing.path("gssCode").asText())) {
                return existing.get("id").asText();
            }
        }
        JsonNode created = call("POST", "/api/v1/tenants/authorities", admin, Map.of("name", authority.name(), "kind",
                authority.kind(), "gssCode", authority.gssCode(), "emailDomains", List.of(authority.domain())), 201);
        out.println("      registered " + authority.name() + " (" + authority.gssCode() + ")");
        return created.get("id").asText();
    }

    private void ensureRegion(String admin, List<String> members) {
        for (JsonNode region : call("GET", "/api/v1/tenants/regions", admin, null, 200)) {
            if (ALLIANCE.equals(region.get("name").asText())) {
                return;
            }
        }
        call("POST", "/api/v1/tenants/regions", admin,
                Map.of("name", ALLIANCE, "kind", "STRATEGIC_ALLIANCE", "memberAuthorityIds", members), 201);
        out.println("      created region " + ALLIANCE);
    }

    /** Gives each demo user the authority they act for: the authority_id attribute their tokens carry. */
    private void assignUsers(Map<String, String> authorityIds) {
        try (Keycloak admin = KeycloakBuilder.builder().serverUrl(keycloak).realm("master").clientId("admin-cli")
                .username(Devstack.KEYCLOAK_ADMIN).password(Devstack.KEYCLOAK_ADMIN_PASSWORD).build()) {
            RealmResource realm = admin.realm(Devstack.REALM);
            for (DemoUser demo : USERS) {
                if (demo.authority() == null) {
                    continue;
                }
                UserRepresentation user = realm.users().searchByUsername(demo.username(), true).stream().findFirst()
                        .orElseThrow(() -> new IllegalStateException("the realm has no demo user " + demo.username()));
                String wanted = authorityIds.get(demo.authority());
                if (!wanted.equals(user.firstAttribute("authority_id"))) {
                    user.singleAttribute("authority_id", wanted);
                    realm.users().get(user.getId()).update(user);
                }
            }
        }
    }

    /**
     * Proposes the alliance's first opportunity once the authority's registration has reached the
     * opportunities service through Kafka, then waits for it to reach reporting.
     */
    private void ensureFirstOpportunity() {
        String officer = token("officer.bromsgrove");
        if (call("GET", "/api/v1/opportunities", officer, null, 200).get("totalSize").asLong() > 0) {
            return;
        }
        Map<String, Object> proposal = Map.of("title", "Shared elections service", "serviceArea", "support.elections",
                "description", "Hold the vacant Elections Manager post and consider one elections team for both councils, "
                        + "as the Shared Services Board asked.");
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (true) {
            HttpResponse<String> response = send("POST", "/api/v1/opportunities", officer, proposal);
            if (response.statusCode() == 201) {
                break;
            }
            if (response.statusCode() != 409 || System.nanoTime() > deadline) {
                throw new IllegalStateException("proposing the demo opportunity failed: " + response.statusCode() + " "
                        + response.body());
            }
            pause();
        }
        while (call("GET", "/api/v1/reporting/pipeline", officer, null, 200).get("total").asLong() < 1) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the demo opportunity did not reach reporting");
            }
            pause();
        }
        out.println("      proposed 'Shared elections service' for Bromsgrove; reporting counts it");
    }

    private String token(String username) {
        String form = "grant_type=password&client_id=concordat-cli&username=" + username + "&password=" + PASSWORD;
        HttpRequest request = HttpRequest.newBuilder(URI.create(keycloak + "/realms/" + Devstack.REALM
                        + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("sign-in of " + username + " failed: " + response.body());
            }
            return json.readTree(response.body()).get("access_token").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonNode call(String method, String path, String token, Object body, int expected) {
        HttpResponse<String> response = send(method, path, token, body);
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpResponse<String> send(String method, String path, String token, Object body) {
        try {
            HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body));
            HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .method(method, publisher).build();
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
