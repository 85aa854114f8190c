package io.concordat.tenants;

import io.concordat.events.EventEnvelope;
import io.concordat.events.EventTypes;
import io.concordat.events.Topics;
import io.concordat.kit.tenancy.Roles;
import io.concordat.kit.testing.ServiceTestProperties;
import io.concordat.kit.testing.Superuser;
import io.concordat.kit.testing.TestEvents;
import io.concordat.kit.testing.TestTokens;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantsIT implements TestPropertyProvider {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    RecordingProvisioning provisioning;

    private final TestTokens tokens = TestTokens.get();
    private final String platform = tokens.withoutAuthority(Roles.PLATFORM_ADMIN);

    @Override
    public Map<String, String> getProperties() {
        return ServiceTestProperties.of("tenants");
    }

    @Test
    void aRegistrationIsPendingUntilApprovedAndApprovalProvisionsSignIn() {
        String id = register("Bolsover District Council", "DISTRICT", uniqueGss(), "bolsover.gov.uk");
        assertEquals("PENDING", get("/api/v1/tenants/authorities/" + id, platform).get("status"));

        Map<?, ?> approval = post("/api/v1/tenants/authorities/" + id + "/approve", platform, null).body();

        assertEquals("APPROVED", ((Map<?, ?>) approval.get("authority")).get("status"));
        assertEquals("admin@bolsover.gov.uk", approval.get("firstAdminUsername"));
        assertEquals("initial-password", approval.get("initialPassword"));
        assertEquals(List.of("bolsover.gov.uk"), provisioning.provisionedDomains.get(UUID.fromString(id)));
        List<EventEnvelope> approved = TestEvents.readAll(Topics.TENANTS,
                e -> e.subject().equals(id) && e.type().equals(EventTypes.AUTHORITY_APPROVED.type()), Duration.ofSeconds(4));
        assertEquals(1, approved.size());

        HttpClientResponseException again = assertThrows(HttpClientResponseException.class,
                () -> post("/api/v1/tenants/authorities/" + id + "/approve", platform, null));
        assertEquals(HttpStatus.CONFLICT, again.getStatus());
        assertEquals(List.of("SUSPENDED"), problem(again).get("allowed"));
    }

    @Test
    void whenTheIdentityProviderIsDownApprovalIs503AndNothingChanges() {
        String id = register("North East Derbyshire District Council", "DISTRICT", uniqueGss(), "ne-derbyshire.gov.uk");
        provisioning.unreachable = true;
        try {
            HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                    () -> post("/api/v1/tenants/authorities/" + id + "/approve", platform, null));
            assertEquals(HttpStatus.SERVICE_UNAVAILABLE, e.getStatus());
            assertEquals("10", e.getResponse().header("Retry-After"));
        } finally {
            provisioning.unreachable = false;
        }
        assertEquals("PENDING", get("/api/v1/tenants/authorities/" + id, platform).get("status"));
        assertEquals(0, Superuser.count("tenants", "select count(*) from outbox where record_key = '" + id
                + "' and event_type = '" + EventTypes.AUTHORITY_APPROVED.type() + "'"));
    }

    @Test
    void suspendingTurnsSignInOffAndOnlyThePlatformSeesItThen() {
        String id = approved("Chesterfield Borough Council", "BOROUGH");
        Map<?, ?> suspended = post("/api/v1/tenants/authorities/" + id + "/suspend", platform,
                "{\"reason\":\"Registered in error\"}").body();
        assertEquals("SUSPENDED", suspended.get("status"));
        assertEquals(false, provisioning.enabled.get("org-" + id));

        HttpClientResponseException hidden = assertThrows(HttpClientResponseException.class,
                () -> get("/api/v1/tenants/authorities/" + id, officer(UUID.randomUUID())));
        assertEquals(HttpStatus.NOT_FOUND, hidden.getStatus());
    }

    @Test
    void aCouncilAsksToJoinARegionAndARegionAdminOfAMemberDecides() {
        String bromsgrove = approved("Bromsgrove District Council", "DISTRICT");
        String redditch = approved("Redditch Borough Council", "BOROUGH");
        String wyre = approved("Wyre Forest District Council", "DISTRICT");
        String region = createRegion("Worcestershire " + UUID.randomUUID(), bromsgrove, redditch);

        Map<?, ?> request = post("/api/v1/tenants/regions/" + region + "/membership-requests", admin(wyre), null).body();
        assertEquals("PENDING", request.get("status"));
        String requestId = (String) request.get("id");

        assertEquals(HttpStatus.FORBIDDEN, assertThrows(HttpClientResponseException.class, () -> post(
                "/api/v1/tenants/regions/" + region + "/membership-requests/" + requestId + "/approve",
                tokens.forAuthority(UUID.fromString(wyre), Roles.REGION_ADMIN), null)).getStatus(),
                "a region admin of a non-member cannot decide");
        Map<?, ?> decided = post("/api/v1/tenants/regions/" + region + "/membership-requests/" + requestId + "/approve",
                regionAdmin(bromsgrove), null).body();
        assertEquals("APPROVED", decided.get("status"));
        assertEquals(3, ((List<?>) get("/api/v1/tenants/regions/" + region, officer(UUID.fromString(wyre))).get("members")).size());

        post("/api/v1/tenants/regions/" + region + "/members/" + wyre + "/leave", admin(wyre), null);
        List<?> current = (List<?>) get("/api/v1/tenants/regions/" + region, platform).get("members");
        List<?> history = (List<?>) get("/api/v1/tenants/regions/" + region + "?history=true", platform).get("members");
        assertEquals(2, current.size());
        assertEquals(3, history.size(), "leaving keeps the membership as history");
        assertTrue(history.stream().anyMatch(m -> wyre.equals(((Map<?, ?>) m).get("authorityId"))
                && ((Map<?, ?>) m).get("leftOn") != null));
        assertEquals(1, TestEvents.readAll(Topics.TENANTS, e -> e.authorityId().equals(UUID.fromString(wyre))
                && e.type().equals(EventTypes.MEMBERSHIP_ENDED.type()), Duration.ofSeconds(4)).size());
    }

    @Test
    void membershipRequestsAreHiddenFromAuthoritiesOutsideTheRegion() {
        String a = approved("Gedling Borough Council", "BOROUGH");
        String b = approved("Rushcliffe Borough Council", "BOROUGH");
        String outsider = approved("Ashfield District Council", "DISTRICT");
        String another = approved("Mansfield District Council", "DISTRICT");
        String region = createRegion("Nottinghamshire " + UUID.randomUUID(), a, b);
        post("/api/v1/tenants/regions/" + region + "/membership-requests", admin(another), null);

        assertEquals(1, list("/api/v1/tenants/regions/" + region + "/membership-requests", officer(UUID.fromString(a))).size(),
                "a member sees requests to its region");
        assertEquals(1, list("/api/v1/tenants/regions/" + region + "/membership-requests", officer(UUID.fromString(another))).size(),
                "the asking authority sees its own");
        assertEquals(0, list("/api/v1/tenants/regions/" + region + "/membership-requests", officer(UUID.fromString(outsider))).size(),
                "an authority outside the region sees none");
        for (String token : List.of(tokens.forged(UUID.fromString(a), Roles.AUTHORITY_OFFICER),
                tokens.tampered(UUID.fromString(outsider), UUID.fromString(a), Roles.AUTHORITY_OFFICER),
                tokens.expired(UUID.fromString(a), Roles.AUTHORITY_OFFICER))) {
            assertEquals(HttpStatus.UNAUTHORIZED, assertThrows(HttpClientResponseException.class,
                    () -> list("/api/v1/tenants/regions/" + region + "/membership-requests", token)).getStatus());
        }
    }

    @Test
    void anAuthorityThatLeftARegionNoLongerSeesItsRequestsNorDecides() {
        String a = approved("Bolton Metropolitan Borough Council", "METROPOLITAN_BOROUGH");
        String b = approved("Stockport Metropolitan Borough Council", "METROPOLITAN_BOROUGH");
        String c = approved("Chorley Borough Council", "BOROUGH");
        String region = createRegion("Greater Manchester support " + UUID.randomUUID(), a, b);
        String requestId = (String) post("/api/v1/tenants/regions/" + region + "/membership-requests", admin(c), null)
                .body().get("id");
        post("/api/v1/tenants/regions/" + region + "/members/" + b + "/leave", admin(b), null);

        assertEquals(0, list("/api/v1/tenants/regions/" + region + "/membership-requests", officer(UUID.fromString(b))).size());
        assertEquals(HttpStatus.FORBIDDEN, assertThrows(HttpClientResponseException.class, () -> post(
                "/api/v1/tenants/regions/" + region + "/membership-requests/" + requestId + "/approve", regionAdmin(b),
                null)).getStatus());
    }

    @Test
    void onlyItsOwnAdminsOrThePlatformChangeAnAuthority() {
        String id = approved("South Ribble Borough Council", "BOROUGH");
        String other = approved("Preston City Council", "DISTRICT");

        assertEquals(HttpStatus.FORBIDDEN, assertThrows(HttpClientResponseException.class,
                () -> patch("/api/v1/tenants/authorities/" + id, admin(other), "{\"name\":\"Hijacked\"}")).getStatus());
        Map<?, ?> changed = patch("/api/v1/tenants/authorities/" + id, admin(id),
                "{\"emailDomains\":[\"southribble.gov.uk\",\"SRBC.gov.uk\"]}").body();
        assertEquals(List.of("southribble.gov.uk", "srbc.gov.uk"), changed.get("emailDomains"));
        assertEquals("South Ribble Borough Council", changed.get("name"));
    }

    @Test
    void theFirstAdminsContactIsPrivateToThePlatformAndTheAuthoritysAdmins() {
        String id = approved("Inverclyde Council", "SCOTTISH_COUNCIL");
        assertTrue(get("/api/v1/tenants/authorities/" + id, admin(id)).get("firstAdmin") != null);
        assertNull(get("/api/v1/tenants/authorities/" + id, officer(UUID.randomUUID())).get("firstAdmin"));
    }

    @Test
    void badInputGetsProblemsAndWritesNothing() {
        String gss = uniqueGss();
        register("Bassetlaw District Council", "DISTRICT", gss, "bassetlaw.gov.uk");
        long authorities = Superuser.count("tenants", "select count(*) from authority");
        long regions = Superuser.count("tenants", "select count(*) from region");
        String person = ",\"firstAdmin\":{\"email\":\"a@b.gov.uk\",\"firstName\":\"A\",\"lastName\":\"B\"}";
        Map<String, HttpStatus> bad = new LinkedHashMap<>();
        bad.put("{\"name\":\"A\",\"kind\":\"PARISH\"" + person + "}", HttpStatus.BAD_REQUEST);
        bad.put("{\"name\":\"A\",\"kind\":\"DISTRICT\",\"gssCode\":\"X1234\"" + person + "}", HttpStatus.BAD_REQUEST);
        bad.put("{\"name\":\"A\",\"kind\":\"DISTRICT\",\"gssCode\":\"" + gss + "\"" + person + "}", HttpStatus.CONFLICT);
        bad.put("{\"name\":\"" + "n".repeat(10 * 1024 * 1024) + "\",\"kind\":\"DISTRICT\"" + person + "}",
                HttpStatus.REQUEST_ENTITY_TOO_LARGE);
        bad.put("{\"name\":\"A\",\"kind\":\"DISTRICT\",\"emailDomains\":[\"not a domain\"]" + person + "}", HttpStatus.BAD_REQUEST);
        bad.put("{\"name\":\"A\",\"kind\":\"DISTRICT\"}", HttpStatus.BAD_REQUEST);
        bad.put("{\"name\":\"A\",\"kind\":\"DISTRICT\",\"firstAdmin\":{\"email\":\"nope\",\"firstName\":\"A\",\"lastName\":\"B\"}}",
                HttpStatus.BAD_REQUEST);
        bad.put("{\"name\":", HttpStatus.BAD_REQUEST);
        bad.forEach((body, status) -> {
            HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                    () -> post("/api/v1/tenants/authorities", platform, body));
            assertEquals(status, e.getStatus(), body.length() > 80 ? body.substring(0, 80) : body);
            assertEquals("application/problem+json", e.getResponse().getContentType().map(MediaType::toString).orElse(""));
        });
        String a = approved("East Renfrewshire Council", "SCOTTISH_COUNCIL");
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, assertThrows(HttpClientResponseException.class, () -> post(
                "/api/v1/tenants/regions", platform, "{\"name\":\"Nowhere\",\"kind\":\"OTHER\",\"memberAuthorityIds\":[\""
                        + UUID.randomUUID() + "\"]}")).getStatus());
        assertEquals(HttpStatus.BAD_REQUEST, assertThrows(HttpClientResponseException.class, () -> post(
                "/api/v1/tenants/regions", platform, "{\"name\":\"Board\",\"kind\":\"OTHER\",\"memberAuthorityIds\":[\"" + a
                        + "\"],\"board\":{\"membersPerAuthority\":3,\"rule\":\"CONSENSUS_ELSE_MINIMUM_FROM_EACH\","
                        + "\"minimumFromEach\":4}}")).getStatus());
        assertEquals(HttpStatus.NOT_FOUND, assertThrows(HttpClientResponseException.class, () -> post(
                "/api/v1/tenants/regions/" + UUID.randomUUID() + "/membership-requests", admin(a), null)).getStatus());
        assertEquals(authorities + 1, Superuser.count("tenants", "select count(*) from authority"),
                "only the one valid registration made for this test");
        assertEquals(regions, Superuser.count("tenants", "select count(*) from region"));
    }

    @Test
    void onlyAPlatformAdminRegistersOrApproves() {
        String id = register("Clackmannanshire Council", "SCOTTISH_COUNCIL", null, "clacks.gov.uk");
        assertEquals(HttpStatus.FORBIDDEN, assertThrows(HttpClientResponseException.class, () -> post(
                "/api/v1/tenants/authorities", admin(UUID.randomUUID().toString()), "{}")).getStatus());
        assertEquals(HttpStatus.FORBIDDEN, assertThrows(HttpClientResponseException.class, () -> post(
                "/api/v1/tenants/authorities/" + id + "/approve", admin(id), null)).getStatus());
    }

    private String register(String name, String kind, String gss, String domain) {
        String body = "{\"name\":\"%s\",\"kind\":\"%s\",%s\"emailDomains\":[\"%s\"],"
                + "\"firstAdmin\":{\"email\":\"admin@%s\",\"firstName\":\"First\",\"lastName\":\"Admin\"}}";
        return (String) post("/api/v1/tenants/authorities", platform, body.formatted(name, kind,
                gss == null ? "" : "\"gssCode\":\"" + gss + "\",", domain, domain)).body().get("id");
    }

    private String approved(String name, String kind) {
        String id = register(name, kind, uniqueGss(), "example" + ThreadLocalRandom.current().nextInt(100_000) + ".gov.uk");
        post("/api/v1/tenants/authorities/" + id + "/approve", platform, null);
        return id;
    }

    private String createRegion(String name, String... members) {
        return (String) post("/api/v1/tenants/regions", platform, "{\"name\":\"" + name
                + "\",\"kind\":\"PARTNERSHIP\",\"memberAuthorityIds\":[\"" + String.join("\",\"", members) + "\"]}")
                .body().get("id");
    }

    private String officer(UUID authority) {
        return tokens.forAuthority(authority, Roles.AUTHORITY_OFFICER);
    }

    private String admin(String authority) {
        return tokens.forAuthority(UUID.fromString(authority), Roles.AUTHORITY_ADMIN, Roles.AUTHORITY_OFFICER);
    }

    private String regionAdmin(String authority) {
        return tokens.forAuthority(UUID.fromString(authority), Roles.REGION_ADMIN);
    }

    private HttpResponse<Map> post(String uri, String token, String body) {
        MutableHttpRequest<String> request = HttpRequest.POST(uri, body == null ? "" : body).bearerAuth(token);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON_TYPE);
        }
        return http.toBlocking().exchange(request, Map.class);
    }

    private HttpResponse<Map> patch(String uri, String token, String body) {
        return http.toBlocking().exchange(HttpRequest.PATCH(uri, body).contentType(MediaType.APPLICATION_JSON_TYPE)
                .bearerAuth(token), Map.class);
    }

    private Map<?, ?> get(String uri, String token) {
        return http.toBlocking().retrieve(HttpRequest.GET(uri).bearerAuth(token), Map.class);
    }

    private List<?> list(String uri, String token) {
        return http.toBlocking().retrieve(HttpRequest.GET(uri).bearerAuth(token), Argument.listOf(Map.class));
    }

    private static Map<?, ?> problem(HttpClientResponseException e) {
        return e.getResponse().getBody(Argument.of(Map.class)).orElseThrow();
    }

    private static String uniqueGss() {
        return "E07" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
    }
}
