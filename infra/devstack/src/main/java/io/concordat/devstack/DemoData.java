package io.concordat.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads the councils and regions of the seed reports through the platform's own API, as an
 * operator would: registers and approves each authority (which provisions its organization in
 * Keycloak), creates the regions, gives the demo users their authorities, and proposes the
 * alliance's first opportunities. Safe to run again: it adds only what is missing.
 */
final class DemoData {

    static final String PASSWORD = "concordat-demo";
    static final String ALLIANCE = "Bromsgrove and Redditch Strategic Alliance";

    record DemoAuthority(String name, String kind, String gssCode, String domain) {
    }

    record DemoRegion(String name, String kind, List<String> members, Map<String, Object> board) {
    }

    record DemoUser(String username, List<String> roles, String authority) {
    }

    static final DemoAuthority BROMSGROVE = new DemoAuthority("Bromsgrove District Council", "DISTRICT", "E07000234", "bromsgrove.gov.uk");
    static final DemoAuthority REDDITCH = new DemoAuthority("Redditch Borough Council", "BOROUGH", "E07000236", "redditch.gov.uk");

    /** The public bodies of seeds 000 to 004, with their ONS GSS codes. */
    static final List<DemoAuthority> AUTHORITIES = List.of(
            BROMSGROVE, REDDITCH,
            new DemoAuthority("Bolsover District Council", "DISTRICT", "E07000033", "bolsover.gov.uk"),
            new DemoAuthority("North East Derbyshire District Council", "DISTRICT", "E07000038", "ne-derbyshire.gov.uk"),
            new DemoAuthority("Chesterfield Borough Council", "BOROUGH", "E07000034", "chesterfield.gov.uk"),
            new DemoAuthority("Derbyshire County Council", "COUNTY", "E10000007", "derbyshire.gov.uk"),
            new DemoAuthority("Bassetlaw District Council", "DISTRICT", "E07000171", "bassetlaw.gov.uk"),
            new DemoAuthority("Chesterfield Royal Hospital NHS Foundation Trust", "OTHER_PUBLIC_BODY", null, "nhs.net"),
            new DemoAuthority("East Dunbartonshire Council", "SCOTTISH_COUNCIL", "S12000045", "eastdunbarton.gov.uk"),
            new DemoAuthority("East Renfrewshire Council", "SCOTTISH_COUNCIL", "S12000011", "eastrenfrewshire.gov.uk"),
            new DemoAuthority("Glasgow City Council", "SCOTTISH_COUNCIL", "S12000049", "glasgow.gov.uk"),
            new DemoAuthority("Inverclyde Council", "SCOTTISH_COUNCIL", "S12000018", "inverclyde.gov.uk"),
            new DemoAuthority("North Lanarkshire Council", "SCOTTISH_COUNCIL", "S12000050", "northlanarkshire.gov.uk"),
            new DemoAuthority("Renfrewshire Council", "SCOTTISH_COUNCIL", "S12000038", "renfrewshire.gov.uk"),
            new DemoAuthority("South Lanarkshire Council", "SCOTTISH_COUNCIL", "S12000029", "southlanarkshire.gov.uk"),
            new DemoAuthority("West Dunbartonshire Council", "SCOTTISH_COUNCIL", "S12000039", "west-dunbarton.gov.uk"),
            new DemoAuthority("Chorley Council", "BOROUGH", "E07000118", "chorley.gov.uk"),
            new DemoAuthority("South Ribble Borough Council", "BOROUGH", "E07000126", "southribble.gov.uk"),
            new DemoAuthority("Bolton Council", "METROPOLITAN_BOROUGH", "E08000001", "bolton.gov.uk"),
            new DemoAuthority("Stockport Metropolitan Borough Council", "METROPOLITAN_BOROUGH", "E08000007", "stockport.gov.uk"),
            new DemoAuthority("Gedling Borough Council", "BOROUGH", "E07000173", "gedling.gov.uk"),
            new DemoAuthority("Rushcliffe Borough Council", "BOROUGH", "E07000176", "rushcliffe.gov.uk"));

    static final List<DemoRegion> REGIONS = List.of(
            new DemoRegion(ALLIANCE, "STRATEGIC_ALLIANCE", List.of(BROMSGROVE.name(), REDDITCH.name()),
                    Map.of("membersPerAuthority", 3, "rule", "CONSENSUS_ELSE_MINIMUM_FROM_EACH", "minimumFromEach", 2)),
            new DemoRegion("Derbyshire", "COUNTY_AREA", List.of("Derbyshire County Council", "Bolsover District Council",
                    "North East Derbyshire District Council", "Chesterfield Borough Council"), null),
            new DemoRegion("North Derbyshire and Bassetlaw Procurement Partnership", "PARTNERSHIP",
                    List.of("Bolsover District Council", "Bassetlaw District Council",
                            "Chesterfield Royal Hospital NHS Foundation Trust"), null),
            new DemoRegion("Clyde Valley Community Planning Partnership", "COMMUNITY_PLANNING_PARTNERSHIP",
                    List.of("East Dunbartonshire Council", "East Renfrewshire Council", "Glasgow City Council",
                            "Inverclyde Council", "North Lanarkshire Council", "Renfrewshire Council",
                            "South Lanarkshire Council", "West Dunbartonshire Council"), null),
            new DemoRegion("Chorley and South Ribble Shared Services", "PARTNERSHIP",
                    List.of("Chorley Council", "South Ribble Borough Council"), null),
            new DemoRegion("North West Improvement and Efficiency Partnership", "IMPROVEMENT_PARTNERSHIP",
                    List.of("Chorley Council", "South Ribble Borough Council", "Bolton Council",
                            "Stockport Metropolitan Borough Council"), null),
            new DemoRegion("Gedling and Rushcliffe Partnership", "PARTNERSHIP",
                    List.of("Gedling Borough Council", "Rushcliffe Borough Council"), null));

    static final List<DemoUser> USERS = List.of(
            new DemoUser("platform.admin", List.of("platform-admin"), null),
            new DemoUser("officer.bromsgrove", List.of("authority-officer"), BROMSGROVE.name()),
            new DemoUser("admin.bromsgrove", List.of("authority-admin", "authority-officer"), BROMSGROVE.name()),
            new DemoUser("board.bromsgrove", List.of("board-member"), BROMSGROVE.name()),
            new DemoUser("officer.redditch", List.of("authority-officer"), REDDITCH.name()),
            new DemoUser("board.redditch", List.of("board-member"), REDDITCH.name()),
            new DemoUser("viewer.alliance", List.of("regional-viewer"), BROMSGROVE.name()),
            new DemoUser("regionadmin.alliance", List.of("region-admin", "regional-viewer"), BROMSGROVE.name()),
            new DemoUser("service-account-partner-bromsgrove-finance", List.of("partner-system"), BROMSGROVE.name()));

    /** The demo partner system's client, as the development realm defines it. */
    static final String PARTNER_CLIENT = "partner-bromsgrove-finance";
    static final String PARTNER_SECRET = "partner-dev-secret";

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

    void load(String partnerWebhookUrl) {
        allowPortalSignInAt(gateway);
        String admin = token("platform.admin");
        Map<String, String> ids = ensureAuthorities(admin);
        Map<String, String> regions = ensureRegions(admin, ids);
        assignUsers(ids);
        ensurePartnerSubscription(partnerWebhookUrl);
        ensureFirstOpportunities(regions.get(ALLIANCE), ids.get(REDDITCH.name()));
    }

    /** The demo partner, Bromsgrove's finance system, subscribes to everything by webhook to the stack's receiver. */
    private void ensurePartnerSubscription(String webhookUrl) {
        String partner = clientToken(PARTNER_CLIENT, PARTNER_SECRET);
        JsonNode existing = call("GET", "/api/v1/partner-events/subscriptions", partner, null, 200);
        for (JsonNode subscription : existing) {
            if (webhookUrl.equals(subscription.path("webhookUrl").asText())) {
                return;
            }
        }
        call("POST", "/api/v1/partner-events/subscriptions", partner,
                Map.of("eventTypes", List.of("*"), "webhookUrl", webhookUrl), 201);
        out.println("      subscribed the Bromsgrove finance partner to every event it may read, by webhook to " + webhookUrl);
    }

    /** A partner system's token, by client credentials. */
    private String clientToken(String clientId, String secret) {
        return tokenFor("grant_type=client_credentials&client_id=" + clientId + "&client_secret=" + secret, clientId);
    }

    private Map<String, String> ensureAuthorities(String admin) {
        Map<String, String> ids = new HashMap<>();
        Map<String, String> statuses = new HashMap<>();
        for (String status : List.of("APPROVED", "PENDING", "SUSPENDED")) {
            for (JsonNode existing : call("GET", "/api/v1/tenants/authorities?size=200&status=" + status, admin, null, 200)
                    .get("content")) {
                ids.put(existing.get("name").asText(), existing.get("id").asText());
                statuses.put(existing.get("name").asText(), status);
            }
        }
        int registered = 0;
        for (DemoAuthority authority : AUTHORITIES) {
            if (!ids.containsKey(authority.name())) {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("name", authority.name());
                body.put("kind", authority.kind());
                if (authority.gssCode() != null) {
                    body.put("gssCode", authority.gssCode());
                }
                body.put("emailDomains", List.of(authority.domain()));
                body.put("firstAdmin", Map.of("email", "platform-admin@" + authority.domain(), "firstName", "Platform",
                        "lastName", "Admin"));
                ids.put(authority.name(), call("POST", "/api/v1/tenants/authorities", admin, body, 201).get("id").asText());
                statuses.put(authority.name(), "PENDING");
                registered++;
            }
            if (!"APPROVED".equals(statuses.get(authority.name()))) {
                call("POST", "/api/v1/tenants/authorities/" + ids.get(authority.name()) + "/approve", admin, null, 200);
            }
        }
        if (registered > 0) {
            out.println("      registered and approved " + registered + " authorities of the seed reports");
        }
        return ids;
    }

    private Map<String, String> ensureRegions(String admin, Map<String, String> authorityIds) {
        Map<String, String> ids = new HashMap<>();
        for (JsonNode region : call("GET", "/api/v1/tenants/regions", admin, null, 200)) {
            ids.put(region.get("name").asText(), region.get("id").asText());
        }
        for (DemoRegion region : REGIONS) {
            if (ids.containsKey(region.name())) {
                continue;
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", region.name());
            body.put("kind", region.kind());
            body.put("memberAuthorityIds", region.members().stream().map(authorityIds::get).toList());
            if (region.board() != null) {
                body.put("board", region.board());
            }
            ids.put(region.name(), call("POST", "/api/v1/tenants/regions", admin, body, 201).get("id").asText());
            out.println("      created region " + region.name());
        }
        return ids;
    }

    /**
     * The realm lets the portal's client return only to this stack's own portal (the callback after
     * sign-in, the page after sign-out), wherever its gateway listens.
     */
    private void allowPortalSignInAt(String gatewayUrl) {
        try (Keycloak admin = KeycloakBuilder.builder().serverUrl(keycloak).realm("master").clientId("admin-cli")
                .username(Devstack.KEYCLOAK_ADMIN).password(Devstack.KEYCLOAK_ADMIN_PASSWORD).build()) {
            RealmResource realm = admin.realm(Devstack.REALM);
            ClientRepresentation portal = realm.clients().findByClientId("concordat-portal").stream().findFirst()
                    .orElseThrow(() -> new IllegalStateException("the realm has no concordat-portal client"));
            portal.setRedirectUris(List.of(gatewayUrl + "/oauth/callback/concordat"));
            Map<String, String> attributes = new HashMap<>(portal.getAttributes() == null ? Map.of() : portal.getAttributes());
            attributes.put("post.logout.redirect.uris", gatewayUrl + "/signed-out");
            portal.setAttributes(attributes);
            realm.clients().get(portal.getId()).update(portal);
        }
    }

    /**
     * Gives each demo user the authority they act for (the authority_id their tokens carry) and
     * makes them members of that authority's organization.
     */
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
                List<OrganizationRepresentation> organization = realm.organizations().searchByAttribute("authority_id:" + wanted);
                if (!organization.isEmpty() && !demo.username().startsWith("service-account-")
                        && realm.organizations().get(organization.get(0).getId()).members()
                        .search(demo.username(), true, 0, 1).isEmpty()) {
                    realm.organizations().get(organization.get(0).getId()).members().addMember(user.getId()).close();
                }
            }
        }
    }

    /**
     * Proposes the alliance's first opportunities once Bromsgrove's registration and membership
     * have reached the opportunities service: one shared with the alliance, one kept to
     * Bromsgrove; then waits for reporting to count them.
     */
    private void ensureFirstOpportunities(String allianceId, String redditchId) {
        String officer = token("officer.bromsgrove");
        if (call("GET", "/api/v1/opportunities", officer, null, 200).get("totalSize").asLong() > 0) {
            return;
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        String elections = propose(officer, deadline, Map.of("title", "Shared elections service", "serviceArea",
                "support.elections", "description", "Hold the vacant Elections Manager post and consider one elections "
                        + "team for both councils, as the Shared Services Board asked.", "regionIds", List.of(allianceId),
                "model", "JOINT_PROVISION_WITH_HOST", "trigger", "VACANCY", "horizon", "MEDIUM_TERM",
                "proposerRole", "PROSPECTIVE_RECIPIENT"));
        String redditch = token("officer.redditch");
        call("POST", "/api/v1/opportunities/" + elections + "/participants", redditch,
                Map.of("role", "PROSPECTIVE_HOST", "status", "COMMITTED"), 200);
        call("POST", "/api/v1/opportunities/" + elections + "/participants/" + redditchId + "/accept", officer, null, 200);
        String closing = java.time.LocalDate.now().plusMonths(2).toString();
        call("POST", "/api/v1/opportunities/vacancies", officer, Map.of("title", "Elections Manager", "serviceArea",
                "support.elections", "grade", "M2", "closingDate", closing), 201);
        call("POST", "/api/v1/opportunities/vacancies", redditch, Map.of("title", "Electoral Services Officer",
                "serviceArea", "support.elections", "grade", "S5", "closingDate", closing), 201);
        propose(officer, deadline, Map.of("title", "Review of Bromsgrove's own print and post service",
                "serviceArea", "support.property"));
        while (call("GET", "/api/v1/reporting/pipeline", officer, null, 200).get("total").asLong() < 2) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the demo opportunities did not reach reporting");
            }
            pause();
        }
        out.println("      proposed a shared elections service (shared with the alliance, Redditch to host) and a "
                + "Bromsgrove-only review; each council posted an elections vacancy");
    }

    /** Proposes, waiting while the authority or its membership has not yet reached the opportunities service. */
    private String propose(String token, long deadline, Map<String, Object> proposal) {
        while (true) {
            HttpResponse<String> response = send("POST", "/api/v1/opportunities", token, proposal);
            if (response.statusCode() == 201) {
                try {
                    return json.readTree(response.body()).get("id").asText();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            boolean notYetKnown = response.statusCode() == 409 || response.statusCode() == 422;
            if (!notYetKnown || System.nanoTime() > deadline) {
                throw new IllegalStateException("proposing a demo opportunity failed: " + response.statusCode() + " "
                        + response.body());
            }
            pause();
        }
    }

    private String token(String username) {
        return tokenFor("grant_type=password&client_id=concordat-cli&username=" + username + "&password=" + PASSWORD,
                username);
    }

    private String tokenFor(String form, String username) {
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
