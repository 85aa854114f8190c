package io.concordat.hosting;

import io.concordat.events.EventEnvelope;
import io.concordat.events.EventTypes;
import io.concordat.events.opportunities.v1.OpportunityApproved;
import io.concordat.events.tenants.v1.MembershipEnded;
import io.concordat.kit.tenancy.Roles;
import io.concordat.kit.testing.Eventually;
import io.concordat.kit.testing.ApiCalls;
import io.concordat.kit.testing.ServiceTestProperties;
import io.concordat.kit.testing.Superuser;
import io.concordat.kit.testing.TestDirectory;
import io.concordat.kit.testing.TestEvents;
import io.concordat.kit.testing.TestTokens;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArrangementsIT implements TestPropertyProvider {

    private static final UUID BOLSOVER = UUID.randomUUID();
    private static final UUID BASSETLAW = UUID.randomUUID();
    private static final UUID HOSPITAL = UUID.randomUUID();
    private static final UUID NE_DERBYSHIRE = UUID.randomUUID();
    private static final UUID CHORLEY = UUID.randomUUID();
    private static final UUID BOLTON = UUID.randomUUID();
    private static final UUID STOCKPORT = UUID.randomUUID();
    private static final UUID OUTSIDER = UUID.randomUUID();
    private static final UUID DERBYSHIRE = UUID.randomUUID();
    private static final UUID COUNTY_MEMBER = UUID.randomUUID();
    private static final UUID LEAVER = UUID.randomUUID();

    @Inject
    @Client("/")
    HttpClient http;

    private final TestTokens tokens = TestTokens.get();

    @Override
    public Map<String, String> getProperties() {
        return ServiceTestProperties.of("hosting");
    }

    @BeforeAll
    void theBodiesOfSeeds000And003() {
        TestDirectory.registerAuthorities("hosting", Map.of(BOLSOVER, "Bolsover District Council", BASSETLAW,
                "Bassetlaw District Council", HOSPITAL, "Chesterfield Royal Hospital NHS Foundation Trust", NE_DERBYSHIRE,
                "North East Derbyshire District Council", CHORLEY, "Chorley Council", BOLTON, "Bolton Council", STOCKPORT,
                "Stockport Metropolitan Borough Council", OUTSIDER, "Outsider Council", COUNTY_MEMBER,
                "Derbyshire County Council", LEAVER, "Leaving Council"));
        TestDirectory.createRegion("hosting", DERBYSHIRE, "Derbyshire " + DERBYSHIRE,
                List.of(BOLSOVER, NE_DERBYSHIRE, COUNTY_MEMBER, LEAVER));
    }

    /** Seed 003: the procurement host moved twice; one council left when it moved, and later came back. */
    @Test
    void theProcurementConsortiumsHostMovedTwiceAndTheHistoryAnswersWhoHostedOnADay() {
        String id = create(BOLSOVER, """
                {"title":"Procurement consortium","serviceArea":"support.procurement","basis":"PERMANENT",
                 "startsOn":"2011-04-01","costAllocation":"EQUAL_SHARES","regionIds":["%s"],
                 "recipients":[{"authorityId":"%s","joinedOn":"2011-04-01","accountManager":"Head of Finance"},
                               {"authorityId":"%s","joinedOn":"2011-04-01"}]}""".formatted(DERBYSHIRE, BASSETLAW, NE_DERBYSHIRE));

        api().send(HttpMethod.POST, "/api/v1/hosting/arrangements/" + id + "/host-transfers", officer(BOLSOVER),
                "{\"toAuthorityId\":\"" + BASSETLAW + "\",\"effectiveOn\":\"2013-07-01\"}");
        assertEquals(HttpStatus.FORBIDDEN, api().status(HttpMethod.POST, "/api/v1/hosting/arrangements/" + id + "/host-transfers",
                officer(BOLSOVER), "{\"toAuthorityId\":\"" + HOSPITAL + "\",\"effectiveOn\":\"2014-04-01\"}"),
                "the former host no longer runs it");
        api().send(HttpMethod.POST, "/api/v1/hosting/arrangements/" + id + "/host-transfers", officer(BASSETLAW),
                "{\"toAuthorityId\":\"" + HOSPITAL + "\",\"effectiveOn\":\"2014-04-01\"}");
        api().send(HttpMethod.POST, "/api/v1/hosting/arrangements/" + id + "/recipients/" + NE_DERBYSHIRE + "/leave", officer(HOSPITAL),
                "{\"leftOn\":\"2014-03-31\",\"reason\":\"Left when the host moved to the hospital\"}");
        api().send(HttpMethod.POST, "/api/v1/hosting/arrangements/" + id + "/recipients", officer(HOSPITAL),
                "{\"authorityId\":\"" + NE_DERBYSHIRE + "\",\"joinedOn\":\"2016-04-01\"}");

        Map<?, ?> onNewYear2014 = api().send(HttpMethod.GET, "/api/v1/hosting/arrangements/" + id + "?hostOn=2014-01-01",
                officer(NE_DERBYSHIRE), null);
        assertEquals("Bassetlaw District Council", ((Map<?, ?>) onNewYear2014.get("hostOn")).get("name"));
        assertEquals(BOLSOVER.toString(), hostOn(id, "2012-06-01"));
        assertEquals(HOSPITAL.toString(), hostOn(id, "2015-01-01"));
        List<?> hosts = (List<?>) onNewYear2014.get("hosts");
        assertEquals(3, hosts.size());
        assertEquals("2013-06-30", ((Map<?, ?>) hosts.get(0)).get("to"));
        List<?> recipients = (List<?>) onNewYear2014.get("recipients");
        assertEquals(3, recipients.size(), "North East Derbyshire's two spells are both kept");
        assertTrue(onNewYear2014.get("management").toString().contains("statutory accountability"));
        assertEquals(HttpStatus.BAD_REQUEST, api().status(HttpMethod.POST, "/api/v1/hosting/arrangements/" + id + "/host-transfers",
                officer(HOSPITAL), "{\"toAuthorityId\":\"" + HOSPITAL + "\",\"effectiveOn\":\"2019-04-01\"}"),
                "a transfer to the current host");
        assertEquals(HttpStatus.OK, api().status(HttpMethod.GET, "/api/v1/hosting/arrangements/" + id, officer(COUNTY_MEMBER), null),
                "shared with the county area");
    }

    /** Seed 000: Health & Safety cover from Bolton on a 12-month trial; senior HR from Stockport 3 days a week until a post is filled. */
    @Test
    void chorleysTrialHasItsSixMonthReviewAndTheInterimHrSupportEndsWhenThePostIsFilled() {
        String safety = create(BOLTON, """
                {"title":"Health and safety cover for Chorley","serviceArea":"support.health-and-safety","basis":"TRIAL",
                 "startsOn":"2006-09-01","trialMonths":12,"costAllocation":"FIXED_FEE",
                 "recipients":[{"authorityId":"%s","joinedOn":"2006-09-01","serviceLevel":"Advice within 2 working days"}]}"""
                .formatted(CHORLEY));
        assertEquals("AGREED", api().send(HttpMethod.GET, "/api/v1/hosting/arrangements/" + safety, officer(CHORLEY), null)
                .get("status"));
        assertEquals("LIVE", api().send(HttpMethod.POST, "/api/v1/hosting/arrangements/" + safety + "/start", officer(BOLTON),
                "{\"startedOn\":\"2006-09-01\"}").get("status"));
        assertEquals(HttpStatus.CONFLICT, api().status(HttpMethod.POST, "/api/v1/hosting/arrangements/" + safety + "/start",
                officer(BOLTON), "{\"startedOn\":\"2006-09-02\"}"), "it starts once");
        Map<?, ?> trial = api().send(HttpMethod.GET, "/api/v1/hosting/arrangements/" + safety, officer(CHORLEY), null);
        assertEquals("2007-08-31", trial.get("endsOn"));
        assertEquals("2007-03-01", trial.get("reviewOn"));
        List<Map> reviews = http.toBlocking().retrieve(ApiCalls.request(HttpMethod.GET, "/api/v1/hosting/arrangements/" + safety
                + "/reviews", officer(CHORLEY), null), Argument.listOf(Map.class));
        assertEquals("2007-03-01", reviews.get(0).get("dueOn"));
        Map<?, ?> continued = api().send(HttpMethod.POST, "/api/v1/hosting/arrangements/" + safety + "/reviews/" + reviews.get(0).get("id")
                + "/complete", officer(BOLTON), "{\"outcome\":\"CONTINUE\",\"decidedBy\":\"Chorley Executive Cabinet\","
                + "\"completedOn\":\"2007-03-05\"}");
        assertEquals("LIVE", continued.get("status"));
        String history = continued.get("history").toString();
        assertTrue(history.contains("Agreed: trial, from 2006-09-01") && history.contains("Started on 2006-09-01")
                && history.contains("Trial review by Chorley Executive Cabinet: continue"), history);
        assertEquals(1, TestEvents.readAll(EventTypes.REVIEW_COMPLETED.topic(), e -> e.subject().equals(safety)
                && e.type().equals(EventTypes.REVIEW_COMPLETED.type()), Duration.ofSeconds(3)).size());

        String hr = create(STOCKPORT, """
                {"title":"Senior HR support for Chorley","serviceArea":"support.hr","basis":"INTERIM",
                 "interimCondition":"until the Head of HR post is filled","capacityDaysPerWeek":3,
                 "startsOn":"2006-10-02","costAllocation":"RECHARGE_AT_COST_PER_DAY",
                 "recipients":[{"authorityId":"%s","joinedOn":"2006-10-02"}]}""".formatted(CHORLEY));
        Map<?, ?> ended = api().send(HttpMethod.POST, "/api/v1/hosting/arrangements/" + hr + "/condition-met", officer(STOCKPORT),
                "{\"metOn\":\"2007-01-15\"}");
        assertEquals("TERMINATED", ended.get("status"));
        assertEquals("2007-01-15", ended.get("conditionMetOn"));
        assertEquals(3.0, ((Number) ended.get("capacityDaysPerWeek")).doubleValue());
        assertTrue(ended.get("terminationReason").toString().contains("until the Head of HR post is filled"));
    }

    @Test
    void savingsPerAuthorityAddUpExactlyAcrossRechargesAndBaselines() {
        String id = create(BOLSOVER, """
                {"title":"Payroll","serviceArea":"support.payroll","basis":"PERMANENT","startsOn":"2012-04-01",
                 "costAllocation":"EQUAL_SHARES","recipients":[{"authorityId":"%s","joinedOn":"2012-04-01"},
                 {"authorityId":"%s","joinedOn":"2012-04-01"}]}""".formatted(BASSETLAW, NE_DERBYSHIRE));
        String base = "/api/v1/hosting/arrangements/" + id;
        api().send(HttpMethod.PUT, base + "/running-costs/2012/13".replace("2012/13", "2012%2F13"), officer(BOLSOVER), "{\"pence\":12000001}");
        api().send(HttpMethod.PUT, base + "/baselines/2012%2F13", officer(BOLSOVER), "{\"pence\":9000000}");
        api().send(HttpMethod.PUT, base + "/baselines/2012%2F13", officer(BASSETLAW), "{\"pence\":7000000}");
        api().send(HttpMethod.PUT, base + "/baselines/2012%2F13", officer(NE_DERBYSHIRE), "{\"pence\":6500000}");
        for (UUID recipient : List.of(BASSETLAW, NE_DERBYSHIRE)) {
            api().send(HttpMethod.POST, base + "/recharges", officer(BOLSOVER), "{\"recipientAuthorityId\":\"" + recipient
                    + "\",\"periodFrom\":\"2012-04-01\",\"periodTo\":\"2012-09-30\",\"amountPence\":2000000}");
            api().send(HttpMethod.POST, base + "/recharges", officer(BOLSOVER), "{\"recipientAuthorityId\":\"" + recipient
                    + "\",\"periodFrom\":\"2012-10-01\",\"periodTo\":\"2013-03-31\",\"amountPence\":2000000}");
        }
        api().send(HttpMethod.POST, base + "/recharges", officer(BOLSOVER), "{\"recipientAuthorityId\":\"" + BASSETLAW
                + "\",\"periodFrom\":\"2013-04-01\",\"periodTo\":\"2013-06-30\",\"amountPence\":999}");

        Map<?, ?> year = api().send(HttpMethod.GET, base + "/savings/2012%2F13", officer(BASSETLAW), null);

        Map<String, List<Number>> lines = new java.util.HashMap<>();
        for (Object line : (List<?>) year.get("authorities")) {
            Map<?, ?> l = (Map<?, ?>) line;
            lines.put((String) l.get("authorityId"), List.of((Number) l.get("costPence"), (Number) l.get("savingPence")));
        }
        assertEquals(List.of(4000000L, 3000000L), longs(lines.get(BASSETLAW.toString())), "the next year's recharge is not counted");
        assertEquals(List.of(4000000L, 2500000L), longs(lines.get(NE_DERBYSHIRE.toString())));
        assertEquals(List.of(4000001L, 4999999L), longs(lines.get(BOLSOVER.toString())), "running cost less recharges received");
        assertEquals(9000000L + 7000000L + 6500000L - 12000001L, ((Number) year.get("totalSavingPence")).longValue());
        api().send(HttpMethod.POST, base + "/savings/2012%2F13/record", officer(BOLSOVER), null);
        assertEquals(3, TestEvents.readAll(EventTypes.SAVINGS_RECORDED.topic(), e -> e.subject().equals(id)
                && e.type().equals(EventTypes.SAVINGS_RECORDED.type()), Duration.ofSeconds(4)).size());
    }

    @Test
    void indicatorsAreRatedPerRecipientAndAMissingReadingShowsAsMissing() {
        String id = create(BOLSOVER, """
                {"title":"Revenues and benefits","serviceArea":"support.exchequer","basis":"PERMANENT","startsOn":"2020-04-01",
                 "costAllocation":"BY_USAGE","recipients":[{"authorityId":"%s","joinedOn":"2020-04-01"},
                 {"authorityId":"%s","joinedOn":"2020-04-01"}]}""".formatted(BASSETLAW, NE_DERBYSHIRE));
        String indicator = (String) api().send(HttpMethod.POST, "/api/v1/hosting/arrangements/" + id + "/indicators", officer(BOLSOVER),
                "{\"name\":\"Days to process a new claim\",\"unit\":\"days\",\"direction\":\"LOWER_IS_BETTER\",\"amberMargin\":3,"
                        + "\"targets\":{\"" + BASSETLAW + "\":20,\"" + NE_DERBYSHIRE + "\":22}}").get("id");
        api().send(HttpMethod.POST, "/api/v1/hosting/arrangements/" + id + "/indicators/" + indicator + "/readings", officer(BOLSOVER),
                "{\"authorityId\":\"" + BASSETLAW + "\",\"period\":\"2026/27 Q1\",\"value\":22}");

        List<Map> ratings = http.toBlocking().retrieve(ApiCalls.request(HttpMethod.GET, "/api/v1/hosting/arrangements/" + id
                + "/indicators?period=2026%2F27%20Q1", officer(NE_DERBYSHIRE), null), Argument.listOf(Map.class));
        String rated = ratings.get(0).get("recipients").toString();
        assertTrue(rated.contains("rating=AMBER"), rated);
        assertTrue(rated.contains("rating=MISSING"), rated);
        List<EventEnvelope> reported = TestEvents.readAll(EventTypes.INDICATOR_REPORTED.topic(), e -> e.subject().equals(id)
                && e.type().equals(EventTypes.INDICATOR_REPORTED.type()), Duration.ofSeconds(3));
        assertEquals(1, reported.size());
        assertTrue(new String(reported.get(0).data()).contains("\"rating\":\"AMBER\""));
    }

    @Test
    void badInputIsRefusedAndWritesNothing() {
        String id = create(BOLSOVER, """
                {"title":"Legal","serviceArea":"support.legal","basis":"PERMANENT","startsOn":"2020-04-01",
                 "costAllocation":"EQUAL_SHARES","recipients":[{"authorityId":"%s","joinedOn":"2020-04-01"}]}""".formatted(BASSETLAW));
        String base = "/api/v1/hosting/arrangements/";
        String before = state();
        String recipients = ",\"costAllocation\":\"EQUAL_SHARES\",\"recipients\":[{\"authorityId\":\"" + BASSETLAW
                + "\",\"joinedOn\":\"2020-04-01\"}]}";
        assertEquals(HttpStatus.BAD_REQUEST, api().status(HttpMethod.POST, base, officer(BOLSOVER), "{\"title\":\"x\","
                + "\"serviceArea\":\"support.legal\",\"basis\":\"FIXED_TERM\",\"startsOn\":\"2020-04-01\",\"endsOn\":\"2019-04-01\""
                + recipients), "end before start");
        assertEquals(HttpStatus.BAD_REQUEST, api().status(HttpMethod.POST, base, officer(BOLSOVER), "{\"title\":\"x\","
                + "\"serviceArea\":\"support.hr\",\"basis\":\"INTERIM\",\"interimCondition\":\"until filled\","
                + "\"capacityDaysPerWeek\":-3,\"startsOn\":\"2020-04-01\"" + recipients), "negative capacity");
        assertEquals(HttpStatus.NOT_FOUND, api().status(HttpMethod.POST, base + id + "/indicators/" + UUID.randomUUID() + "/readings",
                officer(BOLSOVER), "{\"authorityId\":\"" + BASSETLAW + "\",\"period\":\"2026/27 Q1\",\"value\":1}"),
                "a reading for an unknown indicator");
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, api().status(HttpMethod.POST, base + id + "/recharges", officer(BOLSOVER),
                "{\"recipientAuthorityId\":\"" + OUTSIDER + "\",\"periodFrom\":\"2021-04-01\",\"periodTo\":\"2021-06-30\","
                        + "\"amountPence\":100}"), "a recharge to a non-recipient");
        assertEquals(HttpStatus.BAD_REQUEST, api().status(HttpMethod.POST, base + id + "/host-transfers", officer(BOLSOVER),
                "{\"toAuthorityId\":\"" + BOLSOVER + "\",\"effectiveOn\":\"2022-04-01\"}"), "a transfer to the current host");
        assertEquals(HttpStatus.BAD_REQUEST, api().status(HttpMethod.PUT, base + id + "/baselines/2021-22", officer(BOLSOVER),
                "{\"pence\":100}"), "a malformed financial year");
        assertEquals(HttpStatus.BAD_REQUEST, api().status(HttpMethod.PUT, base + id + "/baselines/2021%2F22", officer(BOLSOVER),
                "{\"pence\":\"a hundred pounds\"}"), "money as text");
        assertEquals(before, state());
    }

    @Test
    void noEndpointLeaksOrChangesAnythingForTheWrongToken() {
        String id = create(BOLSOVER, """
                {"title":"Audit","serviceArea":"support.audit","basis":"PERMANENT","startsOn":"2020-04-01","costAllocation":"EQUAL_SHARES",
                 "regionIds":["%s"],"recipients":[{"authorityId":"%s","joinedOn":"2020-04-01"}]}""".formatted(DERBYSHIRE, BASSETLAW));
        String base = "/api/v1/hosting/arrangements/" + id;
        String review = (String) http.toBlocking().retrieve(ApiCalls.request(HttpMethod.POST, base + "/reviews", officer(BOLSOVER),
                "{\"kind\":\"Annual review\",\"dueOn\":\"2021-04-01\"}"), Argument.listOf(Map.class)).get(0).get("id");
        TestEvents.publish(EventTypes.MEMBERSHIP_ENDED, DERBYSHIRE.toString(), LEAVER,
                new MembershipEnded(DERBYSHIRE, LEAVER, LocalDate.now(), "admin", Instant.now()));
        Eventually.until("the member left", Duration.ofSeconds(30), () -> Superuser.count("hosting",
                "select count(*) from region_membership where authority_id = '" + LEAVER + "' and left_on is not null") == 1);

        List<ApiCalls.Call> calls = List.of(new ApiCalls.Call(HttpMethod.GET, base, null), new ApiCalls.Call(HttpMethod.GET, base + "/reviews", null),
                new ApiCalls.Call(HttpMethod.GET, base + "/indicators?period=2026%2F27%20Q1", null),
                new ApiCalls.Call(HttpMethod.GET, base + "/savings/2020%2F21", null),
                new ApiCalls.Call(HttpMethod.POST, base + "/host-transfers", "{\"toAuthorityId\":\"" + OUTSIDER + "\",\"effectiveOn\":\"2022-04-01\"}"),
                new ApiCalls.Call(HttpMethod.POST, base + "/recipients", "{\"authorityId\":\"" + OUTSIDER + "\",\"joinedOn\":\"2022-04-01\"}"),
                new ApiCalls.Call(HttpMethod.POST, base + "/recipients/" + BASSETLAW + "/leave", "{\"leftOn\":\"2022-04-01\",\"reason\":\"x\"}"),
                new ApiCalls.Call(HttpMethod.POST, base + "/terminate", "{\"reason\":\"x\",\"exitOn\":\"2022-04-01\"}"),
                new ApiCalls.Call(HttpMethod.POST, base + "/recharges", "{\"recipientAuthorityId\":\"" + BASSETLAW
                        + "\",\"periodFrom\":\"2021-04-01\",\"periodTo\":\"2021-06-30\",\"amountPence\":1}"),
                new ApiCalls.Call(HttpMethod.PUT, base + "/baselines/2020%2F21", "{\"pence\":1}"),
                new ApiCalls.Call(HttpMethod.PUT, base + "/running-costs/2020%2F21", "{\"pence\":1}"),
                new ApiCalls.Call(HttpMethod.POST, base + "/indicators", "{\"name\":\"x\",\"unit\":\"x\",\"direction\":\"HIGHER_IS_BETTER\","
                        + "\"amberMargin\":1,\"targets\":{}}"),
                new ApiCalls.Call(HttpMethod.POST, base + "/reviews", "{\"kind\":\"x\",\"dueOn\":\"2022-04-01\"}"),
                new ApiCalls.Call(HttpMethod.POST, base + "/reviews/" + review + "/complete",
                        "{\"outcome\":\"TERMINATE\",\"decidedBy\":\"x\",\"completedOn\":\"2021-04-01\"}"),
                new ApiCalls.Call(HttpMethod.POST, base + "/savings/2020%2F21/record", null));
        String[] roles = {Roles.AUTHORITY_OFFICER, Roles.AUTHORITY_ADMIN, Roles.REGION_ADMIN};
        Map<String, String> wrong = Map.of("another authority", tokens.forAuthority(OUTSIDER, roles),
                "a member that left the region", tokens.forAuthority(LEAVER, roles),
                "a forged token", tokens.forged(BOLSOVER, roles),
                "an edited authority claim", tokens.tampered(OUTSIDER, BOLSOVER, roles));
        String before = state();
        assertEquals(List.of(), api().leaks(wrong, calls));
        assertEquals(before, state());
        assertTrue(http.toBlocking().retrieve(ApiCalls.request(HttpMethod.GET, "/api/v1/hosting/arrangements", tokens.forAuthority(
                OUTSIDER, roles), null), Argument.listOf(Map.class)).stream().noneMatch(a -> id.equals(a.get("id"))));
        assertEquals(HttpStatus.OK, api().status(HttpMethod.GET, base, officer(NE_DERBYSHIRE), null), "a current member of the county area");
    }

    @Test
    void anApprovedOpportunityBecomesOneArrangementHostedByItsHost() {
        UUID opportunity = UUID.randomUUID();
        OpportunityApproved approved = new OpportunityApproved(opportunity, CHORLEY, "Shared elections service",
                "support.elections", "JOINT_PROVISION_WITH_HOST", BOLTON, List.of(CHORLEY), List.of(), Instant.now());
        TestEvents.publish(EventTypes.OPPORTUNITY_APPROVED, opportunity.toString(), CHORLEY, approved);
        TestEvents.publish(EventTypes.OPPORTUNITY_APPROVED, opportunity.toString(), CHORLEY, approved);

        String made = "select count(*) from arrangement where opportunity_id = '" + opportunity + "' and host_authority_id = '"
                + BOLTON + "'";
        Eventually.until("the arrangement made", Duration.ofSeconds(60), () -> Superuser.count("hosting", made) == 1);
        Eventually.until("both deliveries handled", Duration.ofSeconds(30), () -> Superuser.count("hosting",
                "select count(*) from processed_event where event_type = '" + EventTypes.OPPORTUNITY_APPROVED.type() + "'") >= 2);
        assertEquals(1, Superuser.count("hosting", made), "a second delivery makes no second arrangement");
        assertTrue(http.toBlocking().retrieve(ApiCalls.request(HttpMethod.GET, "/api/v1/hosting/arrangements", officer(CHORLEY), null),
                Argument.listOf(Map.class)).stream().anyMatch(a -> "Shared elections service".equals(a.get("title"))));
    }

    private static String state() {
        return String.join("/", List.of("arrangement", "arrangement where status = 'TERMINATED'", "host_period", "recipient",
                "recipient where left_on is not null", "recharge", "baseline", "running_cost", "indicator", "reading", "review",
                "review where outcome is not null", "outbox").stream()
                .map(t -> String.valueOf(Superuser.count("hosting", "select count(*) from " + t))).toList());
    }

    private String hostOn(String id, String day) {
        return (String) ((Map<?, ?>) api().send(HttpMethod.GET, "/api/v1/hosting/arrangements/" + id + "?hostOn=" + day,
                officer(BOLSOVER), null).get("hostOn")).get("authorityId");
    }

    private String create(UUID host, String body) {
        return (String) api().send(HttpMethod.POST, "/api/v1/hosting/arrangements", officer(host), body).get("id");
    }

    private String officer(UUID authority) {
        return tokens.forAuthority(authority, Roles.AUTHORITY_OFFICER);
    }

    private static List<Long> longs(List<Number> numbers) {
        return numbers.stream().map(Number::longValue).toList();
    }

    private ApiCalls api() {
        return new ApiCalls(http);
    }
}
