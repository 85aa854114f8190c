package io.concordat.partnerevents;

import io.concordat.events.EventEnvelope;
import io.concordat.events.EventTypes;
import io.concordat.events.Topics;
import io.concordat.kit.tenancy.Roles;
import io.concordat.kit.testing.ApiCalls;
import io.concordat.kit.testing.Councils;
import io.concordat.kit.testing.Eventually;
import io.concordat.kit.testing.ServiceTestProperties;
import io.concordat.kit.testing.Superuser;
import io.concordat.kit.testing.TestDirectory;
import io.concordat.kit.testing.TestTokens;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A partner of one council, subscribed to everything, reads over replay and the stream nothing of
 * another council's private data, nor what was shared with a region its council is not in; bad
 * subscriptions are refused and write nothing; partners cannot see each other's subscriptions.
 * Runs with production's webhook rules (https, public addresses only).
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PartnerIsolationIT implements TestPropertyProvider {

    private static final String BASE = "/api/v1/partner-events";
    private static final String DB = "partner_events";

    private final UUID councilA = UUID.randomUUID();
    private final UUID councilB = UUID.randomUUID();
    private final UUID shared = UUID.randomUUID();
    private final UUID bOnly = UUID.randomUUID();
    private final String partnerA = "partner-a-" + councilA;
    private final Instant started = Instant.now().minusSeconds(1);
    private final List<EventEnvelope> privateToB = new ArrayList<>();
    private final List<EventEnvelope> visibleToA = new ArrayList<>();

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    EmbeddedServer server;

    @Inject
    RecordingPartnerClients clients;

    ApiCalls api;

    @Override
    public Map<String, String> getProperties() {
        return ServiceTestProperties.of(DB);
    }

    @BeforeAll
    void twoCouncilsEachWithTheirOwnAndSharedEvents() {
        api = new ApiCalls(http);
        TestDirectory.registerAuthorities(DB, List.of(councilA, councilB));
        TestDirectory.createRegion(DB, shared, "Alliance " + shared, List.of(councilA, councilB));
        TestDirectory.createRegion(DB, bOnly, "B's own partnership " + bOnly, List.of(councilB));
        privateToB.addAll(PartnerScenarios.oneOfEveryType(councilB, List.of()));
        privateToB.addAll(PartnerScenarios.oneOfEveryType(councilB, List.of(bOnly)));
        visibleToA.add(PartnerScenarios.publish(EventTypes.OPPORTUNITY_PROPOSED, councilA, List.of(), UUID.randomUUID().toString()));
        visibleToA.add(PartnerScenarios.publish(EventTypes.OPPORTUNITY_PROPOSED, councilB, List.of(shared), UUID.randomUUID().toString()));
        visibleToA.add(PartnerScenarios.publish(EventTypes.ARRANGEMENT_STARTED, councilB, List.of(shared), UUID.randomUUID().toString()));
        String last = visibleToA.get(visibleToA.size() - 1).id().toString();
        Eventually.until("every event logged", Duration.ofSeconds(90),
                () -> Superuser.count(DB, "select count(*) from event_log where event_id = '" + last + "'") == 1);
    }

    private String token(String partner) {
        return TestTokens.get().forPartner(partner, councilA);
    }

    @Test
    void aPartnerSubscribedToEverythingReplaysNothingOfAnotherCouncilsPrivateData() {
        Set<String> seen = new HashSet<>();
        List<String> bodies = new ArrayList<>();
        long after = 0;
        while (true) {
            String from = after == 0 ? "since=" + started : "after=" + after;
            Map<?, ?> page = api.get(BASE + "/events?" + from + "&limit=200", token(partnerA));
            List<?> events = (List<?>) page.get("events");
            events.forEach(e -> {
                seen.add((String) ((Map<?, ?>) e).get("id"));
                bodies.add(e.toString());
            });
            long next = ((Number) page.get("next")).longValue();
            if (events.isEmpty() || next == after) {
                break;
            }
            after = next;
        }
        visibleToA.forEach(e -> assertTrue(seen.contains(e.id().toString()), "A's partner reads " + e.type()));
        List<String> leaked = privateToB.stream().filter(e -> seen.contains(e.id().toString())
                || bodies.stream().anyMatch(b -> b.contains(e.subject()))).map(EventEnvelope::type).toList();
        assertEquals(List.of(), leaked, "B's private events reached A's partner");
    }

    @Test
    void theStreamResumesFromTheLastEventIdAndCarriesNothingPrivateOfAnotherCouncil() throws Exception {
        Set<String> wanted = visibleToA.stream().map(e -> e.id().toString()).collect(Collectors.toSet());
        List<String[]> received = readStream("?since=" + started, null,
                got -> got.stream().map(r -> r[1]).collect(Collectors.toSet()).containsAll(wanted));
        Set<String> ids = received.stream().map(r -> r[1]).collect(Collectors.toSet());
        visibleToA.forEach(e -> assertTrue(ids.contains(e.id().toString()), "streamed " + e.type()));
        privateToB.forEach(e -> assertTrue(!ids.contains(e.id().toString()), "B's private " + e.type() + " streamed"));

        String firstPosition = received.get(0)[0];
        List<String[]> resumed = readStream("", firstPosition, got -> got.size() == received.size() - 1);
        assertEquals(received.subList(1, received.size()).stream().map(r -> r[1]).toList(),
                resumed.stream().map(r -> r[1]).toList(), "resuming after the first event gives the rest, in order");
    }

    /** Reads the stream until what came is enough; each event as its id: line and its CloudEvent id. */
    private List<String[]> readStream(String query, String lastEventId,
                                      java.util.function.Predicate<List<String[]>> enough) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + BASE
                + "/stream" + query)).header("Authorization", "Bearer " + token(partnerA));
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<java.io.InputStream> response = java.net.http.HttpClient.newHttpClient()
                .send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        List<String[]> events = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String id = null;
            String line;
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!enough.test(events) && System.nanoTime() < deadline && (line = lines.readLine()) != null) {
                if (line.startsWith("id:")) {
                    id = line.substring(3).trim();
                } else if (line.startsWith("data:")) {
                    Map<?, ?> body = io.micronaut.json.JsonMapper.createDefault().readValue(line.substring(5).trim(), Map.class);
                    events.add(new String[]{id, (String) body.get("id")});
                }
            }
        }
        return events;
    }

    @Test
    void badSubscriptionsAreRefusedAsProblemsAndWriteNothing() {
        long before = Superuser.count(DB, "select count(*) from subscription");
        Map<String, String> bad = Map.of(
                "unknown event type", "{\"eventTypes\":[\"io.concordat.arrangement.exploded.v1\"],\"stream\":true}",
                "http url", "{\"eventTypes\":[\"*\"],\"webhookUrl\":\"http://finance.example.org/hook\"}",
                "loopback address", "{\"eventTypes\":[\"*\"],\"webhookUrl\":\"https://127.0.0.1/hook\"}",
                "private address", "{\"eventTypes\":[\"*\"],\"webhookUrl\":\"https://10.0.0.7/hook\"}",
                "metadata address", "{\"eventTypes\":[\"*\"],\"webhookUrl\":\"https://169.254.169.254/latest\"}",
                "unknown service area", "{\"eventTypes\":[\"*\"],\"serviceAreas\":[\"support.alchemy\"],\"stream\":true}",
                "bad region filter", "{\"eventTypes\":[\"*\"],\"regionIds\":[\"not-a-region\"],\"stream\":true}",
                "oversize url", "{\"eventTypes\":[\"*\"],\"webhookUrl\":\"https://finance.example.org/" + "a".repeat(2100) + "\"}",
                "both webhook and stream", "{\"eventTypes\":[\"*\"],\"webhookUrl\":\"https://finance.example.org/h\",\"stream\":true}",
                "no event types", "{\"eventTypes\":[],\"stream\":true}");
        bad.forEach((what, body) -> {
            HttpClientResponseException refused = org.junit.jupiter.api.Assertions.assertThrows(
                    HttpClientResponseException.class, () -> api.post(BASE + "/subscriptions", token(partnerA), body), what);
            assertEquals(400, refused.getStatus().getCode(), what);
            assertEquals("application/problem+json", refused.getResponse().getContentType().orElseThrow().toString(), what);
        });
        assertEquals(before, Superuser.count(DB, "select count(*) from subscription"), "nothing written");
    }

    @Test
    void onePartnerCanNeitherReadNorChangeAnothersSubscriptionsOrDeliveries() {
        String id = api.create(BASE + "/subscriptions", token(partnerA), "{\"eventTypes\":[\"*\"],\"stream\":true}");
        String other = token("partner-other-" + UUID.randomUUID());
        List<ApiCalls.Call> calls = List.of(
                new ApiCalls.Call(HttpMethod.GET, BASE + "/subscriptions/" + id, null),
                new ApiCalls.Call(HttpMethod.PUT, BASE + "/subscriptions/" + id, "{\"eventTypes\":[\"*\"],\"stream\":true}"),
                new ApiCalls.Call(HttpMethod.POST, BASE + "/subscriptions/" + id + "/pause", null),
                new ApiCalls.Call(HttpMethod.DELETE, BASE + "/subscriptions/" + id, null),
                new ApiCalls.Call(HttpMethod.GET, BASE + "/subscriptions/" + id + "/deliveries", null),
                new ApiCalls.Call(HttpMethod.POST, BASE + "/subscriptions/" + id + "/deliveries/resend",
                        "{\"since\":\"2026-01-01T00:00:00Z\"}"));
        Map<String, String> wrong = Map.of(
                "another partner of the same council", other,
                "a council officer", Councils.officer(councilA),
                "a council admin", Councils.admin(councilA));
        assertEquals(List.of(), api.leaks(wrong, calls));
        assertTrue(api.list(BASE + "/subscriptions", other).isEmpty(), "another partner lists none of them");
        assertEquals("ACTIVE", api.get(BASE + "/subscriptions/" + id, token(partnerA)).get("status"), "unchanged");
    }

    @Test
    void onlyAPartnerSystemsTokenReadsEvents() {
        assertEquals(HttpStatus.FORBIDDEN, api.status(HttpMethod.GET, BASE + "/events", Councils.officer(councilA), null));
        assertEquals(HttpStatus.UNAUTHORIZED, api.status(HttpMethod.GET, BASE + "/events", "not-a-token", null));
    }

    @Test
    void anAuthorityAdminRegistersAPartnerWhoseSecretIsShownOnceAndCanDisableIt() {
        Map<?, ?> registered = api.post(BASE + "/partners", Councils.admin(councilA), "{\"name\":\"Finance system\"}");
        String clientId = (String) registered.get("clientId");
        assertTrue(clientId.startsWith("partner-finance-system-"), clientId);
        assertEquals(councilA.toString(), registered.get("authorityId"));
        assertTrue(registered.get("clientSecret") instanceof String, "the secret is shown on registration");
        Map<?, ?> listed = api.list(BASE + "/partners", Councils.admin(councilA)).stream()
                .filter(p -> clientId.equals(p.get("clientId"))).findFirst().orElseThrow();
        assertEquals(null, listed.get("clientSecret"), "and never again");
        assertTrue(api.post(BASE + "/partners/" + clientId + "/secret", Councils.admin(councilA), null)
                .get("clientSecret") instanceof String);

        assertEquals(HttpStatus.OK, api.status(HttpMethod.GET, BASE + "/subscriptions", token(clientId), null));
        assertEquals(Boolean.FALSE, api.post(BASE + "/partners/" + clientId + "/disable", Councils.admin(councilA), null)
                .get("enabled"));
        assertEquals(HttpStatus.FORBIDDEN, api.status(HttpMethod.GET, BASE + "/subscriptions", token(clientId), null),
                "a disabled partner's earlier tokens are refused too");
    }

    @Test
    void aRegionAdminOfAMemberCouncilRegistersTheRegionsHubWhichBelongsToTheRegionNotTheCouncil() {
        String regionAdmin = TestTokens.get().forAuthority(councilA, Roles.AUTHORITY_OFFICER, Roles.REGION_ADMIN);
        Map<?, ?> hub = api.post(BASE + "/partners", regionAdmin, "{\"name\":\"Regional data hub\",\"regionId\":\"" + shared + "\"}");
        String clientId = (String) hub.get("clientId");

        assertEquals(shared.toString(), hub.get("regionId"), "the hub reads what was shared with its region");
        assertEquals(null, hub.get("authorityId"), "and no council's own events");
        assertTrue(hub.get("clientSecret") instanceof String, "its secret is shown once");
        RecordingPartnerClients.Client client = clients.clients.values().stream()
                .filter(c -> clientId.equals(c.clientId())).findFirst().orElseThrow();
        assertEquals(shared, client.regionId(), "the identity provider's client carries the region");
        assertEquals(null, client.authorityId());
        assertTrue(api.list(BASE + "/partners", regionAdmin).stream().anyMatch(p -> clientId.equals(p.get("clientId"))),
                "the registering council lists it");
        assertTrue(api.list(BASE + "/partners", Councils.admin(councilB)).stream()
                .noneMatch(p -> clientId.equals(p.get("clientId"))), "another member council does not");
    }

    @Test
    void partnersAreRegisteredOnlyByTheirOwnAuthoritysAdminsAndBadRegistrationsWriteNothing() {
        String clientId = (String) api.post(BASE + "/partners", Councils.admin(councilA), "{\"name\":\"Payroll\"}")
                .get("clientId");
        long before = Superuser.count(DB, "select count(*) from partner");
        List<ApiCalls.Call> calls = List.of(
                new ApiCalls.Call(HttpMethod.POST, BASE + "/partners", "{\"name\":\"Spy\"}"),
                new ApiCalls.Call(HttpMethod.POST, BASE + "/partners/" + clientId + "/secret", null),
                new ApiCalls.Call(HttpMethod.POST, BASE + "/partners/" + clientId + "/disable", null));
        Map<String, String> wrong = Map.of(
                "a council officer", Councils.officer(councilA),
                "a partner system", token(partnerA));
        assertEquals(List.of(), api.leaks(wrong, calls));
        assertEquals(List.of(), api.leaks(Map.of("another council's admin", Councils.admin(councilB)), calls.subList(1, 3)));
        assertTrue(api.list(BASE + "/partners", Councils.admin(councilB)).stream()
                .noneMatch(p -> clientId.equals(p.get("clientId"))), "another council's admin lists none of A's");
        for (String body : List.of("{}", "{\"name\":\"\"}", "{\"name\":\"" + "x".repeat(200) + "\"}",
                "{\"name\":\"Hub\",\"regionId\":\"" + shared + "\"}")) {
            HttpStatus status = api.status(HttpMethod.POST, BASE + "/partners", Councils.admin(councilA), body);
            assertTrue(status.getCode() == 400 || status.getCode() == 403, body + " answered " + status);
        }
        assertEquals(before, Superuser.count(DB, "select count(*) from partner"), "nothing refused was written");
    }

    static String topicOf(EventEnvelope e) {
        return EventTypes.byType(e.type()).map(t -> t.topic()).orElse(Topics.TENANTS);
    }
}
