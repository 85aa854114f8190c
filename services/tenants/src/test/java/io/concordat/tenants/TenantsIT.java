package io.concordat.tenants;

import io.concordat.events.EventEnvelope;
import io.concordat.events.EventTypes;
import io.concordat.events.Topics;
import io.concordat.events.tenants.v1.AuthoritySuspended;
import io.concordat.kit.tenancy.Roles;
import io.concordat.kit.testing.ApiCalls;
import io.concordat.kit.testing.Councils;
import io.concordat.kit.testing.ServiceTestProperties;
import io.concordat.kit.testing.Superuser;
import io.concordat.kit.testing.TestEvents;
import io.concordat.kit.testing.TestTokens;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import static io.concordat.kit.testing.Councils.officer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    @Inject
    JsonMapper json;

    private final TestTokens tokens = TestTokens.get();
    private final String platform = tokens.withoutAuthority(Roles.PLATFORM_ADMIN);

    @Override
    public Map<String, String> getProperties() {
        return ServiceTestProperties.of("tenants");
    }

    @Test
    void aRegistrationIsPendingUntilApprovedAndApprovalProvisionsSignIn() {
        String id = register("Bolsover District Council", "DISTRICT", uniqueGss(), "bolsover.gov.uk");
        assertEquals("PENDING", api().get("/api/v1/tenants/authorities/" + id, platform).get("status"));

        Map<?, ?> approval = api().exchange(HttpMethod.POST, "/api/v1/tenants/authorities/" + id + "/approve", platform, null).body();

        assertEquals("APPROVED", ((Map<?, ?>) approval.get("authority")).get("status"));
        assertEquals("admin@bolsover.gov.uk", approval.get("firstAdminUsername"));
        assertEquals("initial-password", approval.get("initialPassword"));
        assertEquals(List.of("bolsover.gov.uk"), provisioning.provisionedDomains.get(UUID.fromString(id)));
        List<EventEnvelope> approved = TestEvents.readAll(Topics.TENANTS,
                e -> e.subject().equals(id) && e.type().equals(EventTypes.AUTHORITY_APPROVED.type()), Duration.ofSeconds(4));
        assertEquals(1, approved.size());

        HttpClientResponseException again = assertThrows(HttpClientResponseException.class,
                () -> api().exchange(HttpMethod.POST, "/api/v1/tenants/authorities/" + id + "/approve", platform, null));
        assertEquals(HttpStatus.CONFLICT, again.getStatus());
        assertEquals(List.of("SUSPENDED"), problem(again).get("allowed"));
    }

    @Test
    void whenTheIdentityProviderIsDownApprovalIs503AndNothingChanges() {
        String id = register("North East Derbyshire District Council", "DISTRICT", uniqueGss(), "ne-derbyshire.gov.uk");
        provisioning.unreachable = true;
        try {
            HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                    () -> api().exchange(HttpMethod.POST, "/api/v1/tenants/authorities/" + id + "/approve", platform, null));
            assertEquals(HttpStatus.SERVICE_UNAVAILABLE, e.getStatus());
            assertEquals("10", e.getResponse().header("Retry-After"));
        } finally {
            provisioning.unreachable = false;
        }
        assertEquals("PENDING", api().get("/api/v1/tenants/authorities/" + id, platform).get("status"));
        assertEquals(0, Superuser.count("tenants", "select count(*) from outbox where record_key = '" + id
                + "' and event_type = '" + EventTypes.AUTHORITY_APPROVED.type() + "'"));
    }

    @Test
    void suspendingTurnsSignInOffAndOnlyThePlatformSeesItThen() {
        String id = approved("Chesterfield Borough Council", "BOROUGH");
        Map<?, ?> suspended = api().exchange(HttpMethod.POST, "/api/v1/tenants/authorities/" + id + "/suspend", platform,
                "{\"reason\":\"Registered in error\"}").body();
        assertEquals("SUSPENDED", suspended.get("status"));
        assertEquals(false, provisioning.enabled.get("org-" + id));

        HttpClientResponseException hidden = assertThrows(HttpClientResponseException.class,
                () -> api().get("/api/v1/tenants/authorities/" + id, officer(UUID.randomUUID())));
        assertEquals(HttpStatus.NOT_FOUND, hidden.getStatus());
    }

    @Test
    void aCouncilAsksToJoinARegionAndARegionAdminOfAMemberDecides() {
        String bromsgrove = approved("Bromsgrove District Council", "DISTRICT");
        String redditch = approved("Redditch Borough Council", "BOROUGH");
        String wyre = approved("Wyre Forest District Council", "DISTRICT");
        String region = createRegion("Worcestershire " + UUID.randomUUID(), bromsgrove, redditch);

        Map<?, ?> request = api().exchange(HttpMethod.POST, "/api/v1/tenants/regions/" + region + "/membership-requests", admin(wyre), null).body();
        assertEquals("PENDING", request.get("status"));
        String requestId = (String) request.get("id");

        assertEquals(HttpStatus.FORBIDDEN, assertThrows(HttpClientResponseException.class, () -> api().exchange(HttpMethod.POST,
                "/api/v1/tenants/regions/" + region + "/membership-requests/" + requestId + "/approve",
                tokens.forAuthority(UUID.fromString(wyre), Roles.REGION_ADMIN), null)).getStatus(),
                "a region admin of a non-member cannot decide");
        Map<?, ?> decided = api().exchange(HttpMethod.POST, "/api/v1/tenants/regions/" + region + "/membership-requests/" + requestId + "/approve",
                regionAdmin(bromsgrove), null).body();
        assertEquals("APPROVED", decided.get("status"));
        assertEquals(3, ((List<?>) api().get("/api/v1/tenants/regions/" + region, officer(UUID.fromString(wyre))).get("members")).size());

        api().exchange(HttpMethod.POST, "/api/v1/tenants/regions/" + region + "/members/" + wyre + "/leave", admin(wyre), null);
        List<?> current = (List<?>) api().get("/api/v1/tenants/regions/" + region, platform).get("members");
        List<?> history = (List<?>) api().get("/api/v1/tenants/regions/" + region + "?history=true", platform).get("members");
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
        api().exchange(HttpMethod.POST, "/api/v1/tenants/regions/" + region + "/membership-requests", admin(another), null);

        assertEquals(1, api().list("/api/v1/tenants/regions/" + region + "/membership-requests", officer(UUID.fromString(a))).size(),
                "a member sees requests to its region");
        assertEquals(1, api().list("/api/v1/tenants/regions/" + region + "/membership-requests", officer(UUID.fromString(another))).size(),
                "the asking authority sees its own");
        assertEquals(0, api().list("/api/v1/tenants/regions/" + region + "/membership-requests", officer(UUID.fromString(outsider))).size(),
                "an authority outside the region sees none");
        for (String token : List.of(tokens.forged(UUID.fromString(a), Roles.AUTHORITY_OFFICER),
                tokens.tampered(UUID.fromString(outsider), UUID.fromString(a), Roles.AUTHORITY_OFFICER),
                tokens.expired(UUID.fromString(a), Roles.AUTHORITY_OFFICER))) {
            assertEquals(HttpStatus.UNAUTHORIZED, assertThrows(HttpClientResponseException.class,
                    () -> api().list("/api/v1/tenants/regions/" + region + "/membership-requests", token)).getStatus());
        }
    }

    @Test
    void anAuthorityThatLeftARegionNoLongerSeesItsRequestsNorDecides() {
        String a = approved("Bolton Metropolitan Borough Council", "METROPOLITAN_BOROUGH");
        String b = approved("Stockport Metropolitan Borough Council", "METROPOLITAN_BOROUGH");
        String c = approved("Chorley Borough Council", "BOROUGH");
        String region = createRegion("Greater Manchester support " + UUID.randomUUID(), a, b);
        String requestId = (String) api().exchange(HttpMethod.POST, "/api/v1/tenants/regions/" + region + "/membership-requests", admin(c), null)
                .body().get("id");
        api().exchange(HttpMethod.POST, "/api/v1/tenants/regions/" + region + "/members/" + b + "/leave", admin(b), null);

        assertEquals(0, api().list("/api/v1/tenants/regions/" + region + "/membership-requests", officer(UUID.fromString(b))).size());
        assertEquals(HttpStatus.FORBIDDEN, assertThrows(HttpClientResponseException.class, () -> api().exchange(HttpMethod.POST,
                "/api/v1/tenants/regions/" + region + "/membership-requests/" + requestId + "/approve", regionAdmin(b),
                null)).getStatus());
    }

    @Test
    void onlyItsOwnAdminsOrThePlatformChangeAnAuthority() {
        String id = approved("South Ribble Borough Council", "BOROUGH");
        String other = approved("Preston City Council", "DISTRICT");

        assertEquals(HttpStatus.FORBIDDEN, assertThrows(HttpClientResponseException.class,
                () -> api().exchange(HttpMethod.PATCH, "/api/v1/tenants/authorities/" + id, admin(other), "{\"name\":\"Hijacked\"}")).getStatus());
        Map<?, ?> changed = api().exchange(HttpMethod.PATCH, "/api/v1/tenants/authorities/" + id, admin(id),
                "{\"emailDomains\":[\"southribble.gov.uk\",\"SRBC.gov.uk\"]}").body();
        assertEquals(List.of("southribble.gov.uk", "srbc.gov.uk"), changed.get("emailDomains"));
        assertEquals("South Ribble Borough Council", changed.get("name"));
    }

    @Test
    void theFirstAdminsContactIsPrivateToThePlatformAndTheAuthoritysAdmins() {
        String id = approved("Inverclyde Council", "SCOTTISH_COUNCIL");
        assertTrue(api().get("/api/v1/tenants/authorities/" + id, admin(id)).get("firstAdmin") != null);
        assertNull(api().get("/api/v1/tenants/authorities/" + id, officer(UUID.randomUUID())).get("firstAdmin"));
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
        bad.put("{\"name\":\"A\",\"kind\":\"DISTRICT\",\"gssCode\":\"" + gss + "\",\"emailDomains\":[\"a.gov.uk\"]" + person
                + "}", HttpStatus.CONFLICT);
        bad.put("{\"name\":\"" + "n".repeat(10 * 1024 * 1024) + "\",\"kind\":\"DISTRICT\"" + person + "}",
                HttpStatus.REQUEST_ENTITY_TOO_LARGE);
        bad.put("{\"name\":\"A\",\"kind\":\"DISTRICT\",\"emailDomains\":[\"not a domain\"]" + person + "}", HttpStatus.BAD_REQUEST);
        bad.put("{\"name\":\"A\",\"kind\":\"DISTRICT\"}", HttpStatus.BAD_REQUEST);
        bad.put("{\"name\":\"A\",\"kind\":\"DISTRICT\",\"firstAdmin\":{\"email\":\"nope\",\"firstName\":\"A\",\"lastName\":\"B\"}}",
                HttpStatus.BAD_REQUEST);
        bad.put("{\"name\":", HttpStatus.BAD_REQUEST);
        bad.forEach((body, status) -> {
            HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                    () -> api().exchange(HttpMethod.POST, "/api/v1/tenants/authorities", platform, body));
            assertEquals(status, e.getStatus(), body.length() > 80 ? body.substring(0, 80) : body);
            assertEquals("application/problem+json", e.getResponse().getContentType().map(MediaType::toString).orElse(""));
        });
        String a = approved("East Renfrewshire Council", "SCOTTISH_COUNCIL");
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, assertThrows(HttpClientResponseException.class, () -> api().exchange(HttpMethod.POST,
                "/api/v1/tenants/regions", platform, "{\"name\":\"Nowhere\",\"kind\":\"OTHER\",\"memberAuthorityIds\":[\""
                        + UUID.randomUUID() + "\"]}")).getStatus());
        assertEquals(HttpStatus.BAD_REQUEST, assertThrows(HttpClientResponseException.class, () -> api().exchange(HttpMethod.POST,
                "/api/v1/tenants/regions", platform, "{\"name\":\"Board\",\"kind\":\"OTHER\",\"memberAuthorityIds\":[\"" + a
                        + "\"],\"board\":{\"membersPerAuthority\":3,\"rule\":\"CONSENSUS_ELSE_MINIMUM_FROM_EACH\","
                        + "\"minimumFromEach\":4}}")).getStatus());
        assertEquals(HttpStatus.NOT_FOUND, assertThrows(HttpClientResponseException.class, () -> api().exchange(HttpMethod.POST,
                "/api/v1/tenants/regions/" + UUID.randomUUID() + "/membership-requests", admin(a), null)).getStatus());
        assertEquals(authorities + 1, Superuser.count("tenants", "select count(*) from authority"),
                "only the one valid registration made for this test");
        assertEquals(regions, Superuser.count("tenants", "select count(*) from region"));
    }

    @Test
    void onlyAPlatformAdminRegistersOrApproves() {
        String id = register("Clackmannanshire Council", "SCOTTISH_COUNCIL", null, "clacks.gov.uk");
        assertEquals(HttpStatus.FORBIDDEN, assertThrows(HttpClientResponseException.class, () -> api().exchange(HttpMethod.POST,
                "/api/v1/tenants/authorities", admin(UUID.randomUUID().toString()), "{}")).getStatus());
        assertEquals(HttpStatus.FORBIDDEN, assertThrows(HttpClientResponseException.class, () -> api().exchange(HttpMethod.POST,
                "/api/v1/tenants/authorities/" + id + "/approve", admin(id), null)).getStatus());
    }

    @Test
    void aSuspendedCouncilsStaffCannotSignInOrWriteWithAnyToken() {
        String id = approved("Bassetlaw District Council", "DISTRICT");
        String issuedBefore = admin(id);
        assertEquals(200, api().exchange(HttpMethod.PATCH, "/api/v1/tenants/authorities/" + id, issuedBefore, "{\"name\":\"Bassetlaw DC\"}").code());
        assertTrue(provisioning.signsIn(id));

        api().exchange(HttpMethod.POST, "/api/v1/tenants/authorities/" + id + "/suspend", platform, "{\"reason\":\"Unpaid subscription\"}");

        assertFalse(provisioning.signsIn(id), "the identity provider refuses its staff's sign-in");
        String issuedAfter = admin(id);
        for (String token : List.of(issuedBefore, issuedAfter)) {
            HttpClientResponseException write = assertThrows(HttpClientResponseException.class,
                    () -> api().exchange(HttpMethod.PATCH, "/api/v1/tenants/authorities/" + id, token, "{\"name\":\"Renamed while suspended\"}"));
            assertEquals(HttpStatus.FORBIDDEN, write.getStatus());
            assertEquals("urn:concordat:problem:authority-suspended", problem(write).get("type"));
            assertEquals(HttpStatus.FORBIDDEN, assertThrows(HttpClientResponseException.class,
                    () -> api().get("/api/v1/tenants/regions", token)).getStatus(), "reads are refused too");
        }
        assertEquals("Bassetlaw DC", api().get("/api/v1/tenants/authorities/" + id, platform).get("name"));

        api().exchange(HttpMethod.POST, "/api/v1/tenants/authorities/" + id + "/approve", platform, null);

        assertTrue(provisioning.signsIn(id), "approval gives sign-in back");
        assertEquals(200, api().exchange(HttpMethod.PATCH, "/api/v1/tenants/authorities/" + id, issuedBefore, "{\"name\":\"Bassetlaw District Council\"}")
                .code());
    }

    @Test
    void twoSuspensionsAtOnceSuspendOnceAndApprovalGivesBackEveryAccount() throws Exception {
        String id = approved("Mansfield District Council", "DISTRICT");
        java.util.concurrent.ExecutorService both = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<Integer>> answers = both.invokeAll(List.of(
                    () -> statusOf("/api/v1/tenants/authorities/" + id + "/suspend", "{\"reason\":\"Audit\"}"),
                    () -> statusOf("/api/v1/tenants/authorities/" + id + "/suspend", "{\"reason\":\"Audit\"}")));
            List<Integer> codes = new java.util.ArrayList<>();
            for (var answer : answers) {
                codes.add(answer.get());
            }
            codes.sort(null);
            assertEquals(List.of(200, 409), codes, "the second waits for the first, then finds it already suspended");
        } finally {
            both.shutdownNow();
        }

        api().exchange(HttpMethod.POST, "/api/v1/tenants/authorities/" + id + "/approve", platform, null);

        assertTrue(provisioning.signsIn(id), "the accounts the one suspension disabled are enabled again");
    }

    private int statusOf(String uri, String body) {
        try {
            return api().exchange(HttpMethod.POST, uri, platform, body).code();
        } catch (HttpClientResponseException e) {
            return e.getStatus().getCode();
        }
    }

    @Test
    void anAuthoritySuspendedBeforeServicesCheckedSuspensionIsAnnouncedAgain() throws Exception {
        String id = approved("Ashfield District Council", "DISTRICT");
        api().exchange(HttpMethod.POST, "/api/v1/tenants/authorities/" + id + "/suspend", platform, "{\"reason\":\"Registered twice\"}");
        String migration;
        try (var in = getClass().getResourceAsStream("/db/migration/V3__suspension_stops_sign_in.sql")) {
            migration = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        String announce = migration.substring(migration.indexOf("insert into outbox"), migration.lastIndexOf(';'));

        String data = Superuser.query("tenants", "with announced as (" + announce + " returning authority_id, data)"
                + " select convert_from(data, 'UTF8') from announced where authority_id = '" + id + "'");

        AuthoritySuspended announced = json.readValue(data, AuthoritySuspended.class);
        assertEquals(UUID.fromString(id), announced.authorityId());
        assertEquals("Registered twice", announced.reason());
        assertTrue(announced.suspendedAt().isBefore(java.time.Instant.now()));
    }

    @Test
    void aRegistrationWithoutAnEmailDomainIsRefusedAtRegistration() {
        long before = Superuser.count("tenants", "select count(*) from authority");
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> api().exchange(HttpMethod.POST,
                "/api/v1/tenants/authorities", platform, "{\"name\":\"Mansfield District Council\",\"kind\":\"DISTRICT\","
                        + "\"firstAdmin\":{\"email\":\"admin@mansfield.gov.uk\",\"firstName\":\"A\",\"lastName\":\"B\"}}"));
        assertEquals(HttpStatus.BAD_REQUEST, e.getStatus());
        assertEquals("urn:concordat:problem:email-domain-required", problem(e).get("type"));
        assertEquals(HttpStatus.BAD_REQUEST, assertThrows(HttpClientResponseException.class, () -> api().exchange(HttpMethod.POST,
                "/api/v1/tenants/authorities", platform, "{\"name\":\"Mansfield District Council\",\"kind\":\"DISTRICT\","
                        + "\"emailDomains\":[],\"firstAdmin\":{\"email\":\"admin@mansfield.gov.uk\",\"firstName\":\"A\","
                        + "\"lastName\":\"B\"}}")).getStatus());
        assertEquals(before, Superuser.count("tenants", "select count(*) from authority"));
        String id = approved("Newark and Sherwood District Council", "DISTRICT");
        assertEquals(HttpStatus.BAD_REQUEST, assertThrows(HttpClientResponseException.class, () -> api().exchange(HttpMethod.PATCH,
                "/api/v1/tenants/authorities/" + id, admin(id), "{\"emailDomains\":[]}")).getStatus(),
                "nor can its last domain be taken away");
    }

    @Test
    void aFirstAdminWhoAlreadySignsInForAnotherCouncilIsRefusedAtRegistration() {
        String domain = uniqueDomain();
        String first = register("Gedling Borough Council", "BOROUGH", uniqueGss(), domain);
        long before = Superuser.count("tenants", "select count(*) from authority");
        String body = "{\"name\":\"Another Council\",\"kind\":\"DISTRICT\",\"emailDomains\":[\"%s\"],"
                + "\"firstAdmin\":{\"email\":\"%s\",\"firstName\":\"A\",\"lastName\":\"B\"}}";

        HttpClientResponseException ours = assertThrows(HttpClientResponseException.class, () -> api().exchange(HttpMethod.POST,
                "/api/v1/tenants/authorities", platform, body.formatted(uniqueDomain(), "Admin@" + domain)));
        assertEquals(HttpStatus.CONFLICT, ours.getStatus(), "already the first admin of a registered council");
        assertEquals("urn:concordat:problem:first-admin-signs-in-elsewhere", problem(ours).get("type"));
        String signsIn = "officer@" + uniqueDomain();
        provisioning.signingIn.add(signsIn);
        HttpClientResponseException theirs = assertThrows(HttpClientResponseException.class, () -> api().exchange(HttpMethod.POST,
                "/api/v1/tenants/authorities", platform, body.formatted(uniqueDomain(), signsIn)));
        assertEquals(HttpStatus.CONFLICT, theirs.getStatus(), "already signs in through the identity provider");
        assertEquals(HttpStatus.CONFLICT, assertThrows(HttpClientResponseException.class, () -> api().exchange(HttpMethod.POST,
                "/api/v1/tenants/authorities", platform, body.formatted(domain, "someone@" + uniqueDomain()))).getStatus(),
                "an email domain signs in for one authority");

        assertEquals(before, Superuser.count("tenants", "select count(*) from authority"));
        assertEquals("PENDING", api().get("/api/v1/tenants/authorities/" + first, platform).get("status"));
    }

    @Test
    void anIdentityProviderThatRefusesIs502AndTheApprovalCanBeRetried() {
        String id = register("Rushcliffe Borough Council", "BOROUGH", uniqueGss(), uniqueDomain());
        provisioning.refusing = true;
        try {
            assertEquals(HttpStatus.BAD_GATEWAY, assertThrows(HttpClientResponseException.class,
                    () -> api().exchange(HttpMethod.POST, "/api/v1/tenants/authorities/" + id + "/approve", platform, null)).getStatus());
        } finally {
            provisioning.refusing = false;
        }
        assertEquals("PENDING", api().get("/api/v1/tenants/authorities/" + id, platform).get("status"));
        assertEquals(200, api().exchange(HttpMethod.POST, "/api/v1/tenants/authorities/" + id + "/approve", platform, null).code());
    }

    @Test
    void aCouncilMayRejoinARegionOnTheDayItLeft() {
        String a = approved("Camden Council", "LONDON_BOROUGH");
        String b = approved("Islington Council", "LONDON_BOROUGH");
        String region = createRegion("North London shared services " + UUID.randomUUID(), a, b);

        api().exchange(HttpMethod.POST, "/api/v1/tenants/regions/" + region + "/members/" + b + "/leave", admin(b), null);
        String requestId = (String) api().exchange(HttpMethod.POST, "/api/v1/tenants/regions/" + region + "/membership-requests", admin(b), null)
                .body().get("id");
        Map<?, ?> decided = api().exchange(HttpMethod.POST, "/api/v1/tenants/regions/" + region + "/membership-requests/" + requestId + "/approve",
                regionAdmin(a), null).body();

        assertEquals("APPROVED", decided.get("status"));
        List<?> history = (List<?>) api().get("/api/v1/tenants/regions/" + region + "?history=true", platform).get("members");
        assertEquals(3, history.size(), "both memberships of the council that rejoined, and the other member");
        assertEquals(2, ((List<?>) api().get("/api/v1/tenants/regions/" + region, platform).get("members")).size());
        assertEquals(HttpStatus.CONFLICT, assertThrows(HttpClientResponseException.class, () -> api().exchange(HttpMethod.POST,
                "/api/v1/tenants/regions/" + region + "/membership-requests", admin(b), null)).getStatus(),
                "a member does not ask again");
    }

    @Test
    void aPartnershipIsRecordedAsItWasWithPastJoiningAndLeavingDates() {
        String host = approved("Lancashire County Council", "COUNTY");
        String since2010 = approved("Burnley Borough Council", "BOROUGH");
        String since2016 = approved("Pendle Borough Council", "BOROUGH");
        String left2018 = approved("Hyndburn Borough Council", "BOROUGH");
        String region = (String) api().exchange(HttpMethod.POST, "/api/v1/tenants/regions", platform, "{\"name\":\"East Lancashire partnership "
                + UUID.randomUUID() + "\",\"kind\":\"PARTNERSHIP\",\"memberAuthorityIds\":[\"" + host + "\"],"
                + "\"membersJoinedOn\":\"2006-04-01\"}").body().get("id");

        join(region, since2010, host, "{\"joinedOn\":\"2010-04-01\"}", null);
        join(region, since2016, host, null, "{\"joinedOn\":\"2016-06-01\"}");
        join(region, left2018, host, "{\"joinedOn\":\"2010-04-01\"}", null);
        api().exchange(HttpMethod.POST, "/api/v1/tenants/regions/" + region + "/members/" + left2018 + "/leave", admin(left2018),
                "{\"leftOn\":\"2018-04-01\"}");

        Map<String, String> history = new LinkedHashMap<>();
        for (Object m : (List<?>) api().get("/api/v1/tenants/regions/" + region + "?history=true", platform).get("members")) {
            Map<?, ?> member = (Map<?, ?>) m;
            history.put((String) member.get("authorityId"), member.get("joinedOn") + ".." + member.get("leftOn"));
        }
        assertEquals("2010-04-01..null", history.get(since2010));
        assertEquals("2016-06-01..null", history.get(since2016));
        assertEquals("2010-04-01..2018-04-01", history.get(left2018));
        assertEquals("2006-04-01..null", history.get(host), "a founding member, as the region was formed");
        assertEquals(Set.of(), membersOn(region, "2006-03-31"));
        assertEquals(Set.of(host, since2010, left2018), membersOn(region, "2012-01-01"));
        assertEquals(Set.of(host, since2010, since2016, left2018), membersOn(region, "2018-03-31"));
        assertEquals(Set.of(host, since2010, since2016), membersOn(region, "2018-04-01"), "left on the day it names");
        assertEquals(Set.of(host, since2010, since2016), membersOn(region, LocalDate.now().toString()));
        List<EventEnvelope> approvals = TestEvents.readAll(Topics.TENANTS, e -> e.subject().equals(region)
                && e.type().equals(EventTypes.MEMBERSHIP_APPROVED.type()), Duration.ofSeconds(4));
        assertEquals(3, approvals.size());
        assertTrue(approvals.stream().anyMatch(e -> new String(e.data()).contains("\"joinedOn\":\"2016-06-01\"")));
        assertTrue(new String(TestEvents.readAll(Topics.TENANTS, e -> e.subject().equals(region)
                && e.type().equals(EventTypes.REGION_CREATED.type()), Duration.ofSeconds(4)).get(0).data())
                .contains("\"membersJoinedOn\":\"2006-04-01\""));
        assertTrue(TestEvents.readAll(Topics.TENANTS, e -> e.subject().equals(region)
                && e.type().equals(EventTypes.MEMBERSHIP_ENDED.type()), Duration.ofSeconds(4)).stream()
                .anyMatch(e -> new String(e.data()).contains("\"leftOn\":\"2018-04-01\"")));
    }

    @Test
    void membershipDatesInTheFutureBeforeJoiningOrOverlappingAreRefusedAndChangeNothing() {
        String a = approved("Ribble Valley Borough Council", "BOROUGH");
        String b = approved("Rossendale Borough Council", "BOROUGH");
        String region = createRegion("Pennine Lancashire " + UUID.randomUUID(), a);
        String joins = "/api/v1/tenants/regions/" + region + "/membership-requests";
        Map<String, HttpStatus> bad = new LinkedHashMap<>();
        bad.put("{\"joinedOn\":\"" + LocalDate.now().plusDays(2) + "\"}", HttpStatus.BAD_REQUEST);
        bad.put("{\"joinedOn\":\"1900-01-01\"}", HttpStatus.BAD_REQUEST);
        bad.put("{\"joinedOn\":\"2010-13-01\"}", HttpStatus.BAD_REQUEST);
        bad.forEach((body, status) -> assertEquals(status, assertThrows(HttpClientResponseException.class,
                () -> api().exchange(HttpMethod.POST, joins, admin(b), body)).getStatus(), body));
        join(region, b, a, "{\"joinedOn\":\"2012-01-01\"}", null);
        String leave = "/api/v1/tenants/regions/" + region + "/members/" + b + "/leave";
        assertEquals(HttpStatus.BAD_REQUEST, assertThrows(HttpClientResponseException.class,
                () -> api().exchange(HttpMethod.POST, leave, admin(b), "{\"leftOn\":\"2011-12-31\"}")).getStatus(), "before it joined");
        assertEquals(HttpStatus.BAD_REQUEST, assertThrows(HttpClientResponseException.class,
                () -> api().exchange(HttpMethod.POST, leave, admin(b), "{\"leftOn\":\"" + LocalDate.now().plusDays(2) + "\"}")).getStatus());
        api().exchange(HttpMethod.POST, leave, admin(b), "{\"leftOn\":\"2015-01-01\"}");
        assertEquals(HttpStatus.CONFLICT, assertThrows(HttpClientResponseException.class,
                () -> api().exchange(HttpMethod.POST, joins, admin(b), "{\"joinedOn\":\"2014-06-01\"}")).getStatus(), "overlaps the earlier period");

        assertEquals(Set.of(b), membersOn(region, "2013-01-01"));
        assertEquals(2, ((List<?>) api().get("/api/v1/tenants/regions/" + region + "?history=true", platform).get("members")).size());
    }

    @Test
    void unknownRoutesAre404Or405AndOnlyARouteThatExistsIs403() {
        String id = approved("Lewes District Council", "DISTRICT");
        String region = createRegion("Sussex " + UUID.randomUUID(), id);
        String officer = officer(UUID.fromString(id));

        HttpClientResponseException wrongMethod = assertThrows(HttpClientResponseException.class,
                () -> api().get("/api/v1/tenants/regions/" + region + "/board", officer));
        assertEquals(HttpStatus.METHOD_NOT_ALLOWED, wrongMethod.getStatus());
        assertEquals("application/problem+json", wrongMethod.getResponse().getContentType().map(MediaType::toString).orElse(""));
        assertEquals("PUT", wrongMethod.getResponse().header("Allow"));
        for (String path : List.of("/api/v1/tenants/nowhere", "/api/v1/tenants/authorities//approve",
                "/api/v1/tenants/regions/" + region + "/members//leave")) {
            HttpClientResponseException missing = assertThrows(HttpClientResponseException.class,
                    () -> api().exchange(HttpMethod.POST, path, officer, "{}"));
            assertTrue(missing.getStatus() == HttpStatus.NOT_FOUND || missing.getStatus() == HttpStatus.METHOD_NOT_ALLOWED,
                    path + " answered " + missing.getStatus());
            assertEquals("application/problem+json", missing.getResponse().getContentType().map(MediaType::toString).orElse(""));
        }
        HttpClientResponseException forbidden = assertThrows(HttpClientResponseException.class,
                () -> api().exchange(HttpMethod.POST, "/api/v1/tenants/authorities/" + id + "/approve", officer, null));
        assertEquals(HttpStatus.FORBIDDEN, forbidden.getStatus(), "the route exists; the officer's roles do not allow it");
    }

    private void join(String region, String authority, String decidedBy, String request, String approval) {
        String requestId = (String) api().exchange(HttpMethod.POST, "/api/v1/tenants/regions/" + region + "/membership-requests", admin(authority),
                request).body().get("id");
        api().exchange(HttpMethod.POST, "/api/v1/tenants/regions/" + region + "/membership-requests/" + requestId + "/approve", regionAdmin(decidedBy),
                approval);
    }

    private Set<String> membersOn(String region, String day) {
        return ((List<?>) api().get("/api/v1/tenants/regions/" + region + "?on=" + day, platform).get("members")).stream()
                .map(m -> (String) ((Map<?, ?>) m).get("authorityId")).collect(Collectors.toSet());
    }

    private String register(String name, String kind, String gss, String domain) {
        String body = "{\"name\":\"%s\",\"kind\":\"%s\",%s\"emailDomains\":[\"%s\"],"
                + "\"firstAdmin\":{\"email\":\"admin@%s\",\"firstName\":\"First\",\"lastName\":\"Admin\"}}";
        return (String) api().exchange(HttpMethod.POST, "/api/v1/tenants/authorities", platform, body.formatted(name, kind,
                gss == null ? "" : "\"gssCode\":\"" + gss + "\",", domain, domain)).body().get("id");
    }

    private String approved(String name, String kind) {
        String id = register(name, kind, uniqueGss(), uniqueDomain());
        api().exchange(HttpMethod.POST, "/api/v1/tenants/authorities/" + id + "/approve", platform, null);
        return id;
    }

    private String createRegion(String name, String... members) {
        return (String) api().exchange(HttpMethod.POST, "/api/v1/tenants/regions", platform, "{\"name\":\"" + name
                + "\",\"kind\":\"PARTNERSHIP\",\"memberAuthorityIds\":[\"" + String.join("\",\"", members) + "\"]}")
                .body().get("id");
    }

    private String admin(String authority) {
        return Councils.admin(UUID.fromString(authority));
    }

    private String regionAdmin(String authority) {
        return tokens.forAuthority(UUID.fromString(authority), Roles.REGION_ADMIN);
    }

    private ApiCalls api() {
        return new ApiCalls(http);
    }

    private static Map<?, ?> problem(HttpClientResponseException e) {
        return e.getResponse().getBody(Argument.of(Map.class)).orElseThrow();
    }

    private static String uniqueDomain() {
        return "c" + UUID.randomUUID().toString().substring(0, 12) + ".gov.uk";
    }

    private static String uniqueGss() {
        return "E07" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
    }
}
