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
import io.micronaut.http.client.exceptions.HttpClientResponseException;
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

import static io.concordat.kit.testing.Councils.officer;
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
        accept(id, BASSETLAW);
        accept(id, NE_DERBYSHIRE);

        transfer(id, BOLSOVER, BASSETLAW, "2013-07-01");
        assertEquals(HttpStatus.FORBIDDEN, api().status(HttpMethod.POST, "/api/v1/hosting/arrangements/" + id + "/host-transfers",
                officer(BOLSOVER), "{\"toAuthorityId\":\"" + HOSPITAL + "\",\"effectiveOn\":\"2014-04-01\"}"),
                "the former host no longer runs it");
        transfer(id, BASSETLAW, HOSPITAL, "2014-04-01");
        api().send(HttpMethod.POST, "/api/v1/hosting/arrangements/" + id + "/recipients/" + NE_DERBYSHIRE + "/leave", officer(HOSPITAL),
                "{\"leftOn\":\"2014-03-31\",\"reason\":\"Left when the host moved to the hospital\"}");
        api().send(HttpMethod.POST, "/api/v1/hosting/arrangements/" + id + "/recipients", officer(HOSPITAL),
                "{\"authorityId\":\"" + NE_DERBYSHIRE + "\",\"joinedOn\":\"2016-04-01\"}");
        accept(id, NE_DERBYSHIRE);

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
        accept(safety, CHORLEY);
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
        accept(id, BASSETLAW);
        accept(id, NE_DERBYSHIRE);
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
        accept(id, BASSETLAW);
        accept(id, NE_DERBYSHIRE);
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

    /** Seed 003: after the hosting moved, 2012/13 is still Bolsover's year: its running cost, its recharges, its saving. */
    @Test
    void aPastYearsLedgerUsesTheHostOfThatYear() {
        String id = create(BOLSOVER, """
                {"title":"Building control","serviceArea":"support.property","basis":"PERMANENT","startsOn":"2012-04-01",
                 "costAllocation":"EQUAL_SHARES","recipients":[{"authorityId":"%s","joinedOn":"2012-04-01"},
                 {"authorityId":"%s","joinedOn":"2012-04-01"}]}""".formatted(BASSETLAW, NE_DERBYSHIRE));
        accept(id, BASSETLAW);
        accept(id, NE_DERBYSHIRE);
        String base = "/api/v1/hosting/arrangements/" + id;
        api().send(HttpMethod.PUT, base + "/running-costs/2012%2F13", officer(BOLSOVER), "{\"pence\":10000000}");
        api().send(HttpMethod.PUT, base + "/baselines/2012%2F13", officer(BOLSOVER), "{\"pence\":6000000}");
        api().send(HttpMethod.PUT, base + "/baselines/2012%2F13", officer(BASSETLAW), "{\"pence\":5000000}");
        api().send(HttpMethod.PUT, base + "/baselines/2012%2F13", officer(NE_DERBYSHIRE), "{\"pence\":5000000}");
        for (UUID recipient : List.of(BASSETLAW, NE_DERBYSHIRE)) {
            api().send(HttpMethod.POST, base + "/recharges", officer(BOLSOVER), "{\"recipientAuthorityId\":\"" + recipient
                    + "\",\"periodFrom\":\"2012-04-01\",\"periodTo\":\"2013-03-31\",\"amountPence\":3000000}");
        }
        Map<?, ?> before = api().send(HttpMethod.GET, base + "/savings/2012%2F13", officer(NE_DERBYSHIRE), null);

        transfer(id, BOLSOVER, HOSPITAL, "2014-04-01");
        Map<?, ?> after = api().send(HttpMethod.GET, base + "/savings/2012%2F13", officer(NE_DERBYSHIRE), null);

        assertEquals(before.get("authorities"), after.get("authorities"), "a new host does not change a past year");
        Map<?, ?> bolsover = lines(after).get(BOLSOVER.toString());
        assertEquals(10000000L - 6000000L, pence(bolsover, "costPence"), "the year's host carries its running cost");
        assertEquals(2000000L, pence(bolsover, "savingPence"));
        assertTrue(!lines(after).containsKey(HOSPITAL.toString()), "the new host had no part in 2012/13: " + after);
        assertEquals(10000000L, pence(after, "runningCostPence"));
        assertEquals(16000000L - 10000000L, pence(after, "totalSavingPence"));
        assertEquals(HttpStatus.FORBIDDEN, api().status(HttpMethod.POST, base + "/savings/2012%2F13/record", officer(HOSPITAL), null),
                "the new host does not close a year it did not host");
        api().send(HttpMethod.POST, base + "/savings/2012%2F13/record", officer(BOLSOVER), null);
        List<EventEnvelope> recorded = TestEvents.readAll(EventTypes.SAVINGS_RECORDED.topic(), e -> e.subject().equals(id)
                && e.type().equals(EventTypes.SAVINGS_RECORDED.type()), Duration.ofSeconds(4));
        assertEquals(3, recorded.size());
        assertTrue(recorded.stream().anyMatch(e -> e.authorityId().equals(BOLSOVER)
                && new String(e.data()).contains("\"costPence\":4000000")), "published with the year's host's figures");
    }

    /** A year with two hosts: each keeps its own running cost; neither writes the other's, nor a year it did not host. */
    @Test
    void aFormerHostCorrectsItsOwnYearsRunningCostsAndTheNewHostCannotOverwriteThem() {
        String id = create(BOLSOVER, """
                {"title":"Procurement","serviceArea":"support.procurement","basis":"PERMANENT","startsOn":"2012-04-01",
                 "costAllocation":"EQUAL_SHARES","recipients":[{"authorityId":"%s","joinedOn":"2012-04-01"}]}""".formatted(BASSETLAW));
        accept(id, BASSETLAW);
        transfer(id, BOLSOVER, HOSPITAL, "2013-10-01");
        String base = "/api/v1/hosting/arrangements/" + id;

        assertEquals(HttpStatus.FORBIDDEN, api().status(HttpMethod.PUT, base + "/running-costs/2012%2F13", officer(HOSPITAL),
                "{\"pence\":999}"), "the current host cannot overwrite a year it did not host");
        api().send(HttpMethod.PUT, base + "/running-costs/2012%2F13", officer(BOLSOVER), "{\"pence\":500}");
        Map<?, ?> corrected = api().send(HttpMethod.PUT, base + "/running-costs/2012%2F13", officer(BOLSOVER), "{\"pence\":700}");
        assertEquals(700L, pence(corrected, "runningCostPence"), "the former host corrects its own year");
        assertEquals(HttpStatus.FORBIDDEN, api().status(HttpMethod.PUT, base + "/running-costs/2014%2F15", officer(BOLSOVER),
                "{\"pence\":1}"), "nor does the former host write a year after it stopped hosting");

        api().send(HttpMethod.PUT, base + "/running-costs/2013%2F14", officer(BOLSOVER), "{\"pence\":300}");
        Map<?, ?> shared = api().send(HttpMethod.PUT, base + "/running-costs/2013%2F14", officer(HOSPITAL), "{\"pence\":400}");
        assertEquals(700L, pence(shared, "runningCostPence"));
        assertEquals(2, ((List<?>) shared.get("hosts")).size(), "both hosts of 2013/14 keep their own figure");
        assertEquals(300L, pence(lines(shared).get(BOLSOVER.toString()), "costPence"));
        assertEquals(400L, pence(lines(shared).get(HOSPITAL.toString()), "costPence"));
        assertEquals(700L, pence(api().send(HttpMethod.GET, base + "/savings/2012%2F13", officer(HOSPITAL), null),
                "runningCostPence"));
    }

    /** A council is not bound by another's say-so: it receives the service, and is recharged, only once its own staff accept. */
    @Test
    void aRecipientReceivesTheServiceOnlyOnceItsOwnCouncilAccepts() {
        String id = create(BOLTON, """
                {"title":"Payroll for Chorley","serviceArea":"support.payroll","basis":"PERMANENT","startsOn":"2020-04-01",
                 "costAllocation":"FIXED_FEE","recipients":[{"authorityId":"%s","joinedOn":"2020-04-01"}]}""".formatted(CHORLEY));
        String base = "/api/v1/hosting/arrangements/" + id;
        String recharge = "{\"recipientAuthorityId\":\"" + CHORLEY + "\",\"periodFrom\":\"2020-04-01\","
                + "\"periodTo\":\"2020-06-30\",\"amountPence\":100}";
        Map<?, ?> asked = api().send(HttpMethod.GET, base, officer(CHORLEY), null);
        assertEquals("ASKED", ((Map<?, ?>) ((List<?>) asked.get("recipients")).get(0)).get("consent"), "asked, it can read what it is asked");
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, api().status(HttpMethod.POST, base + "/recharges", officer(BOLTON), recharge),
                "no recharge before it accepts");
        assertEquals(HttpStatus.FORBIDDEN, api().status(HttpMethod.POST, base + "/recipients/" + CHORLEY + "/accept",
                officer(STOCKPORT), null), "another council cannot accept for it");
        assertEquals(HttpStatus.FORBIDDEN, api().status(HttpMethod.POST, base + "/recipients/" + CHORLEY + "/accept",
                officer(BOLTON), null), "nor can the host");

        Map<?, ?> accepted = api().send(HttpMethod.POST, base + "/recipients/" + CHORLEY + "/accept", officer(CHORLEY), null);

        assertEquals("ACCEPTED", ((Map<?, ?>) ((List<?>) accepted.get("recipients")).get(0)).get("consent"));
        assertTrue(accepted.get("history").toString().contains("Chorley Council accepted to receive the service from 2020-04-01"),
                accepted.get("history").toString());
        assertEquals(HttpStatus.CREATED, api().status(HttpMethod.POST, base + "/recharges", officer(BOLTON), recharge));
        assertEquals(HttpStatus.CONFLICT, api().status(HttpMethod.POST, base + "/recipients/" + CHORLEY + "/accept",
                officer(CHORLEY), null), "it answers once");

        api().send(HttpMethod.POST, base + "/recipients", officer(BOLTON), "{\"authorityId\":\"" + STOCKPORT
                + "\",\"joinedOn\":\"2021-04-01\"}");
        assertEquals("DECLINED", api().send(HttpMethod.POST, base + "/recipients/" + STOCKPORT + "/decline", officer(STOCKPORT),
                null).get("answer"));
        assertEquals(HttpStatus.NOT_FOUND, api().status(HttpMethod.GET, base, officer(STOCKPORT), null),
                "a council that declined does not see the arrangement");
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, api().status(HttpMethod.POST, base + "/recharges", officer(BOLTON),
                recharge.replace(CHORLEY.toString(), STOCKPORT.toString()).replace("2020-", "2021-")));
        assertTrue(api().send(HttpMethod.GET, base, officer(BOLTON), null).get("history").toString()
                .contains("Stockport Metropolitan Borough Council declined to receive the service"));

        List<EventEnvelope> facts = TestEvents.readAll(EventTypes.RECIPIENT_JOINED.topic(), e -> e.subject().equals(id),
                Duration.ofSeconds(4));
        List<String> types = facts.stream().map(EventEnvelope::type).toList();
        assertEquals(1, types.stream().filter(EventTypes.RECIPIENT_JOINED.type()::equals).count(), "joined once, on acceptance: " + types);
        assertEquals(2, types.stream().filter(EventTypes.RECIPIENT_INVITED.type()::equals).count(), types.toString());
        assertEquals(1, types.stream().filter(EventTypes.RECIPIENT_ACCEPTED.type()::equals).count(), types.toString());
        assertEquals(1, types.stream().filter(EventTypes.RECIPIENT_DECLINED.type()::equals).count(), types.toString());
        assertTrue(types.indexOf(EventTypes.RECIPIENT_ACCEPTED.type()) < types.indexOf(EventTypes.RECIPIENT_JOINED.type()), types.toString());
    }

    /** A host cannot make a third council the host: the hosting passes only when the proposed host accepts. */
    @Test
    void theHostChangesOnlyWhenTheProposedHostAccepts() {
        String id = create(BOLSOVER, """
                {"title":"Legal services","serviceArea":"support.legal","basis":"PERMANENT","startsOn":"2015-04-01",
                 "costAllocation":"EQUAL_SHARES","recipients":[{"authorityId":"%s","joinedOn":"2015-04-01"}]}""".formatted(BASSETLAW));
        String base = "/api/v1/hosting/arrangements/" + id;
        String first = proposeTransfer(id, BOLSOVER, HOSPITAL, "2017-04-01");
        Map<?, ?> proposed = api().send(HttpMethod.GET, base, officer(HOSPITAL), null);
        assertEquals(BOLSOVER.toString(), proposed.get("hostAuthorityId"), "proposed, not transferred");
        assertEquals(HOSPITAL.toString(), ((Map<?, ?>) proposed.get("proposedHost")).get("authorityId"));
        assertEquals(HttpStatus.CONFLICT, api().status(HttpMethod.POST, base + "/host-transfers/" + first + "/accept",
                officer(BASSETLAW), null), "only the body proposed accepts");
        assertEquals(HttpStatus.CONFLICT, api().status(HttpMethod.POST, base + "/host-transfers", officer(BOLSOVER),
                "{\"toAuthorityId\":\"" + BASSETLAW + "\",\"effectiveOn\":\"2017-04-01\"}"), "one proposal at a time");

        api().send(HttpMethod.POST, base + "/host-transfers/" + first + "/decline", officer(HOSPITAL), null);
        assertEquals(HttpStatus.NOT_FOUND, api().status(HttpMethod.GET, base, officer(HOSPITAL), null));
        assertEquals(BOLSOVER.toString(), api().send(HttpMethod.GET, base, officer(BOLSOVER), null).get("hostAuthorityId"));

        String second = proposeTransfer(id, BOLSOVER, HOSPITAL, "2018-04-01");
        Map<?, ?> accepted = api().send(HttpMethod.POST, base + "/host-transfers/" + second + "/accept", officer(HOSPITAL), null);

        assertEquals(HOSPITAL.toString(), accepted.get("hostAuthorityId"));
        assertEquals(2, ((List<?>) accepted.get("hosts")).size());
        assertEquals("2018-03-31", ((Map<?, ?>) ((List<?>) accepted.get("hosts")).get(0)).get("to"));
        String history = accepted.get("history").toString();
        assertTrue(history.contains("declined to host the service") && history.contains("accepted to host the service"), history);
        List<String> types = TestEvents.readAll(EventTypes.HOST_TRANSFERRED.topic(), e -> e.subject().equals(id), Duration.ofSeconds(4))
                .stream().map(EventEnvelope::type).toList();
        assertEquals(1, types.stream().filter(EventTypes.HOST_TRANSFERRED.type()::equals).count(), "transferred once, on acceptance");
        assertEquals(2, types.stream().filter(EventTypes.HOST_TRANSFER_PROPOSED.type()::equals).count(), types.toString());
        assertEquals(1, types.stream().filter(EventTypes.HOST_TRANSFER_DECLINED.type()::equals).count(), types.toString());
        assertEquals(1, types.stream().filter(EventTypes.HOST_TRANSFER_ACCEPTED.type()::equals).count(), types.toString());
    }

    /** A dissolved partnership: nothing is recharged after the exit date, and every recipient stops receiving on it. */
    @Test
    void aTerminatedArrangementTakesNoMoneyAfterItsExitAndEndsEveryRecipientsReceipt() {
        String id = create(STOCKPORT, """
                {"title":"Shared ICT","serviceArea":"support.ict","basis":"PERMANENT","startsOn":"2019-04-01",
                 "costAllocation":"EQUAL_SHARES","recipients":[{"authorityId":"%s","joinedOn":"2019-04-01"},
                 {"authorityId":"%s","joinedOn":"2019-04-01"}]}""".formatted(CHORLEY, BOLTON));
        accept(id, CHORLEY);
        accept(id, BOLTON);
        String base = "/api/v1/hosting/arrangements/" + id;

        Map<?, ?> ended = api().send(HttpMethod.POST, base + "/terminate", officer(STOCKPORT),
                "{\"reason\":\"Partnership dissolved\",\"exitOn\":\"2021-03-31\"}");

        for (Object r : (List<?>) ended.get("recipients")) {
            assertEquals("2021-03-31", ((Map<?, ?>) r).get("leftOn"), ended.toString());
            assertTrue(((Map<?, ?>) r).get("leftReason").toString().contains("Partnership dissolved"));
        }
        String before = state();
        assertEquals(HttpStatus.CONFLICT, api().status(HttpMethod.POST, base + "/recharges", officer(STOCKPORT),
                "{\"recipientAuthorityId\":\"" + CHORLEY + "\",\"periodFrom\":\"2021-04-01\",\"periodTo\":\"2021-06-30\","
                        + "\"amountPence\":100}"), "a period after the exit");
        assertEquals(HttpStatus.CONFLICT, api().status(HttpMethod.POST, base + "/recharges", officer(STOCKPORT),
                "{\"recipientAuthorityId\":\"" + CHORLEY + "\",\"periodFrom\":\"2021-01-01\",\"periodTo\":\"2021-04-30\","
                        + "\"amountPence\":100}"), "a period that runs past the exit");
        assertEquals(before, state());
        assertEquals(HttpStatus.CREATED, api().status(HttpMethod.POST, base + "/recharges", officer(STOCKPORT),
                "{\"recipientAuthorityId\":\"" + CHORLEY + "\",\"periodFrom\":\"2021-01-01\",\"periodTo\":\"2021-03-31\","
                        + "\"amountPence\":100}"), "the last quarter before the exit is still due");
        assertEquals(2, TestEvents.readAll(EventTypes.RECIPIENT_LEFT.topic(), e -> e.subject().equals(id)
                && e.type().equals(EventTypes.RECIPIENT_LEFT.type()), Duration.ofSeconds(4)).size());
    }

    @Test
    void aHostedServiceIsInOneOfTheSharedServiceAreas() {
        String before = state();
        HttpClientResponseException refused = assertThrows(HttpClientResponseException.class, () -> create(BOLSOVER, """
                {"title":"Back office","serviceArea":"back-office","basis":"PERMANENT","startsOn":"2020-04-01",
                 "costAllocation":"EQUAL_SHARES","recipients":[{"authorityId":"%s","joinedOn":"2020-04-01"}]}""".formatted(BASSETLAW)));
        assertEquals(HttpStatus.BAD_REQUEST, refused.getStatus());
        String problem = refused.getResponse().getBody(String.class).orElseThrow();
        assertTrue(problem.contains("urn:concordat:problem:unknown-service-area") && problem.contains("\"field\":\"serviceArea\"")
                && problem.contains("support.procurement"), problem);
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
        String transfer = proposeTransfer(id, BOLSOVER, NE_DERBYSHIRE, "2022-04-01");
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
                new ApiCalls.Call(HttpMethod.POST, base + "/savings/2020%2F21/record", null),
                new ApiCalls.Call(HttpMethod.POST, base + "/recipients/" + BASSETLAW + "/accept", null),
                new ApiCalls.Call(HttpMethod.POST, base + "/recipients/" + BASSETLAW + "/decline", null),
                new ApiCalls.Call(HttpMethod.POST, base + "/recipients/" + OUTSIDER + "/accept", null),
                new ApiCalls.Call(HttpMethod.POST, base + "/recipients/" + LEAVER + "/accept", null),
                new ApiCalls.Call(HttpMethod.POST, base + "/host-transfers/" + transfer + "/accept", null),
                new ApiCalls.Call(HttpMethod.POST, base + "/host-transfers/" + transfer + "/decline", null));
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
        assertEquals(HttpStatus.OK, api().status(HttpMethod.POST, base + "/recipients/" + BASSETLAW + "/accept", officer(BASSETLAW),
                null), "the council asked answers for itself");
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
        Map arrangement = http.toBlocking().retrieve(ApiCalls.request(HttpMethod.GET, "/api/v1/hosting/arrangements", officer(CHORLEY),
                null), Argument.listOf(Map.class)).stream().filter(a -> "Shared elections service".equals(a.get("title")))
                .findFirst().orElseThrow();
        assertEquals("ACCEPTED", ((Map<?, ?>) ((List<?>) arrangement.get("recipients")).get(0)).get("consent"),
                "the council's decision on the opportunity is its consent: it is not asked again");
        assertEquals(0, Superuser.count("hosting", "select count(*) from awaiting_answer where arrangement_id = '"
                + arrangement.get("id") + "'"));
    }

    private static String state() {
        return String.join("/", List.of("arrangement", "arrangement where status = 'TERMINATED'", "host_period", "recipient",
                "recipient where left_on is not null", "recipient where consent <> 'ASKED'", "host_transfer",
                "host_transfer where answer <> 'ASKED'", "awaiting_answer", "arrangement_change", "recharge", "baseline",
                "running_cost", "indicator", "reading", "review", "review where outcome is not null", "outbox").stream()
                .map(t -> String.valueOf(Superuser.count("hosting", "select count(*) from " + t))).toList());
    }

    private String hostOn(String id, String day) {
        return (String) ((Map<?, ?>) api().send(HttpMethod.GET, "/api/v1/hosting/arrangements/" + id + "?hostOn=" + day,
                officer(BOLSOVER), null).get("hostOn")).get("authorityId");
    }

    /** The council's own staff accept to receive the service. */
    private void accept(String id, UUID council) {
        api().send(HttpMethod.POST, "/api/v1/hosting/arrangements/" + id + "/recipients/" + council + "/accept", officer(council),
                null);
    }

    /** The host proposes a transfer; answers the transfer's id. */
    private String proposeTransfer(String id, UUID host, UUID to, String effectiveOn) {
        Map<?, ?> proposed = api().send(HttpMethod.POST, "/api/v1/hosting/arrangements/" + id + "/host-transfers", officer(host),
                "{\"toAuthorityId\":\"" + to + "\",\"effectiveOn\":\"" + effectiveOn + "\"}");
        return (String) ((Map<?, ?>) proposed.get("proposedHost")).get("transferId");
    }

    /** A transfer proposed by the host and accepted by the new host's own staff. */
    private void transfer(String id, UUID host, UUID to, String effectiveOn) {
        String transfer = proposeTransfer(id, host, to, effectiveOn);
        api().send(HttpMethod.POST, "/api/v1/hosting/arrangements/" + id + "/host-transfers/" + transfer + "/accept", officer(to),
                null);
    }

    private Map<String, Map<?, ?>> lines(Map<?, ?> year) {
        Map<String, Map<?, ?>> lines = new java.util.HashMap<>();
        ((List<?>) year.get("authorities")).forEach(l -> lines.put((String) ((Map<?, ?>) l).get("authorityId"), (Map<?, ?>) l));
        return lines;
    }

    private static long pence(Map<?, ?> map, String key) {
        return ((Number) map.get(key)).longValue();
    }

    private String create(UUID host, String body) {
        return (String) api().send(HttpMethod.POST, "/api/v1/hosting/arrangements", officer(host), body).get("id");
    }

    private static List<Long> longs(List<Number> numbers) {
        return numbers.stream().map(Number::longValue).toList();
    }

    private ApiCalls api() {
        return new ApiCalls(http);
    }
}
