package io.concordat.opportunities;

import io.concordat.events.EventEnvelope;
import io.concordat.events.EventTypes;
import io.concordat.events.Topics;
import io.concordat.events.opportunities.v1.BusinessCaseSubmitted;
import io.concordat.events.tenants.v1.RegionBoardDescribed;
import io.concordat.kit.tenancy.Roles;
import io.concordat.kit.testing.ApiCalls;
import io.concordat.kit.testing.Eventually;
import io.concordat.kit.testing.ServiceTestProperties;
import io.concordat.kit.testing.Superuser;
import io.concordat.kit.testing.TestDirectory;
import io.concordat.kit.testing.TestEvents;
import io.concordat.kit.testing.TestTokens;
import io.micronaut.core.type.Argument;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.concordat.kit.testing.Councils.councillor;
import static io.concordat.kit.testing.Councils.officer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Seed 002 replayed: Bromsgrove and Redditch's Shared Services Board (3 councillors each;
 * consensus, else at least 2 from each council in support) considers a shared elections
 * service; each council then decides for itself.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharedServicesBoardIT implements TestPropertyProvider {

    private static final UUID BROMSGROVE = UUID.randomUUID();
    private static final UUID REDDITCH = UUID.randomUUID();
    private static final UUID OUTSIDER = UUID.randomUUID();
    private static final UUID ALLIANCE = UUID.randomUUID();

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    io.micronaut.json.JsonMapper json;

    private final TestTokens tokens = TestTokens.get();

    @Override
    public Map<String, String> getProperties() {
        return ServiceTestProperties.of("opportunities");
    }

    @BeforeAll
    void theAllianceAndItsBoard() {
        TestDirectory.registerAuthorities("opportunities", List.of(BROMSGROVE, REDDITCH, OUTSIDER));
        TestDirectory.createRegion("opportunities", ALLIANCE, "Bromsgrove and Redditch Strategic Alliance " + ALLIANCE,
                List.of(BROMSGROVE, REDDITCH));
        TestEvents.publish(EventTypes.REGION_BOARD_DESCRIBED, ALLIANCE.toString(), EventEnvelope.PLATFORM,
                new RegionBoardDescribed(ALLIANCE, 3, "CONSENSUS_ELSE_MINIMUM_FROM_EACH", 2, Instant.now()));
        Eventually.until("the alliance's board known here", Duration.ofSeconds(60), () -> Superuser.count("opportunities",
                "select count(*) from region_board where region_id = '" + ALLIANCE + "'") == 1);
    }

    @Test
    void withoutConsensusTwoFromEachRecommendAndBothCouncilsApproveSoItIsApprovedOnce() {
        String id = beforeTheBoard();
        voteAs(BROMSGROVE, true, true, true);
        voteAs(REDDITCH, true, true, false);

        Map<?, ?> recommended = api().post("/api/v1/opportunities/" + id + "/board/recommendation", officer(BROMSGROVE), null);
        Map<?, ?> recommendation = (Map<?, ?>) recommended.get("recommendation");
        assertEquals(true, recommendation.get("recommended"));
        assertEquals(5, recommendation.get("inFavour"));
        assertEquals(1, recommendation.get("against"));
        assertEquals("No consensus; at least 2 from each authority in favour", recommendation.get("reason"));

        api().post("/api/v1/opportunities/" + id + "/decisions", officer(BROMSGROVE),
                "{\"outcome\":\"APPROVE\",\"body\":\"CABINET\",\"decidedOn\":\"2026-06-10\",\"minuteReference\":\"CAB/2026/18\"}");
        assertEquals(0, approvedEvents(id, Duration.ofSeconds(2)), "a recipient alone does not make it go ahead");
        Map<?, ?> decided = api().post("/api/v1/opportunities/" + id + "/decisions", officer(REDDITCH),
                "{\"outcome\":\"APPROVE\",\"body\":\"EXECUTIVE\",\"decidedOn\":\"2026-06-15\",\"minuteReference\":\"EXEC/2026/42\"}");

        assertEquals("DECIDED", ((Map<?, ?>) decided.get("opportunity")).get("stage"));
        assertEquals(true, decided.get("approved"));
        assertEquals(1, approvedEvents(id, Duration.ofSeconds(5)), "OpportunityApproved published exactly once");
        EventEnvelope approved = TestEvents.readAll(Topics.OPPORTUNITIES, e -> e.subject().equals(id)
                && e.type().equals(EventTypes.OPPORTUNITY_APPROVED.type()), Duration.ofSeconds(2)).get(0);
        assertTrue(new String(approved.data()).contains("\"hostAuthorityId\":\"" + REDDITCH + "\""));
        assertTrue(new String(approved.data()).contains("\"recipientAuthorityIds\":[\"" + BROMSGROVE + "\"]"));
    }

    @Test
    void theSameVoteWithOnlyOneRedditchCouncillorInFavourDoesNotRecommend() {
        String id = beforeTheBoard();
        voteAs(BROMSGROVE, true, true, true);
        voteAs(REDDITCH, true, false, false);

        Map<?, ?> recommendation = (Map<?, ?>) api().post("/api/v1/opportunities/" + id + "/board/recommendation",
                officer(REDDITCH), null).get("recommendation");

        assertEquals(false, recommendation.get("recommended"));
        assertEquals(4, recommendation.get("inFavour"));
    }

    @Test
    void onlyCouncillorsOfTheRegionVoteOncePerSeatAndOnlyParticipantsDecide() {
        String id = beforeTheBoard();
        assertEquals(HttpStatus.NOT_FOUND, status(() -> api().post("/api/v1/opportunities/" + id + "/board/votes",
                councillor(OUTSIDER), "{\"inFavour\":true}")),
                "a councillor of a council outside the region cannot even see it");
        assertEquals(HttpStatus.FORBIDDEN, status(() -> api().post("/api/v1/opportunities/" + id + "/board/votes",
                officer(BROMSGROVE), "{\"inFavour\":true}")), "an officer is not on the board");
        String councillor = councillor(BROMSGROVE);
        api().post("/api/v1/opportunities/" + id + "/board/votes", councillor, "{\"inFavour\":true}");
        assertEquals(HttpStatus.CONFLICT, status(() -> api().post("/api/v1/opportunities/" + id + "/board/votes", councillor,
                "{\"inFavour\":false}")), "a councillor votes once");
        voteAs(BROMSGROVE, true, true);
        assertEquals(HttpStatus.CONFLICT, status(() -> voteAs(BROMSGROVE, true)), "three seats each");

        assertEquals(HttpStatus.CONFLICT, status(() -> api().post("/api/v1/opportunities/" + id + "/decisions", officer(REDDITCH),
                "{\"outcome\":\"APPROVE\",\"body\":\"EXECUTIVE\",\"decidedOn\":\"2026-06-15\",\"minuteReference\":\"E/1\"}")),
                "no decision before the board has recommended");
        voteAs(REDDITCH, true, true, true);
        api().post("/api/v1/opportunities/" + id + "/board/recommendation", officer(BROMSGROVE), null);
        long decisions = Superuser.count("opportunities", "select count(*) from council_decision");
        assertEquals(HttpStatus.NOT_FOUND, status(() -> api().post("/api/v1/opportunities/" + id + "/decisions", officer(OUTSIDER),
                "{\"outcome\":\"APPROVE\",\"body\":\"CABINET\",\"decidedOn\":\"2026-06-15\",\"minuteReference\":\"C/1\"}")),
                "a council outside the region cannot even see it");
        assertEquals(decisions, Superuser.count("opportunities", "select count(*) from council_decision"));
    }

    @Test
    void anIllegalStageJumpIsA409NamingTheAllowedStagesAndChangesNothing() {
        String id = propose();
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> api().post(
                "/api/v1/opportunities/" + id + "/stage", officer(BROMSGROVE), "{\"to\":\"LIVE\"}"));
        assertEquals(HttpStatus.CONFLICT, e.getStatus());
        Map<?, ?> problem = e.getResponse().getBody(Argument.of(Map.class)).orElseThrow();
        assertEquals(List.of("IN_PRINCIPLE", "ON_HOLD", "REJECTED", "WITHDRAWN"), problem.get("allowed"));
        assertEquals("IDEA", ((Map<?, ?>) api().get("/api/v1/opportunities/" + id, officer(BROMSGROVE)).get("opportunity"))
                .get("stage"));
    }

    @Test
    void aCouncilCannotApproveWhileStaffConsultationIsOutstanding() {
        String id = proposeWithHost();
        stage(id, "IN_PRINCIPLE");
        stage(id, "OUTLINE_BUSINESS_CASE");
        api().put("/api/v1/opportunities/" + id + "/business-case", officer(BROMSGROVE), businessCase(false));
        api().post("/api/v1/opportunities/" + id + "/stage", officer(BROMSGROVE),
                "{\"to\":\"BOARD_RECOMMENDATION\",\"boardRegionId\":\"" + ALLIANCE + "\"}");
        voteAs(BROMSGROVE, true, true, true);
        voteAs(REDDITCH, true, true, true);
        api().post("/api/v1/opportunities/" + id + "/board/recommendation", officer(BROMSGROVE), null);

        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> api().post(
                "/api/v1/opportunities/" + id + "/decisions", officer(REDDITCH),
                "{\"outcome\":\"APPROVE\",\"body\":\"EXECUTIVE\",\"decidedOn\":\"2026-06-15\",\"minuteReference\":\"E/2\"}"));
        assertEquals(HttpStatus.CONFLICT, e.getStatus());
        assertTrue(e.getResponse().getBody(String.class).orElse("").contains("consultation-outstanding"));
    }

    @Test
    void badBusinessCasesAreRefusedAndNoVersionIsStored() {
        String id = proposeWithHost();
        long versions = Superuser.count("opportunities", "select count(*) from business_case");
        for (String body : List.of(
                businessCase(true).replace("\"annualPence\":2000000", "\"annualPence\":\"twenty thousand pounds\""),
                businessCase(true).replace("\"2026/27\"", "\"2026-27\""),
                businessCase(true).replace("\"investigationCostPence\":500000", "\"investigationCostPence\":-1"),
                businessCase(true).replace("\"likelihood\":3", "\"likelihood\":9"))) {
            assertEquals(HttpStatus.BAD_REQUEST, status(() -> api().put("/api/v1/opportunities/" + id + "/business-case",
                    officer(BROMSGROVE), body)), body);
        }
        assertEquals(versions, Superuser.count("opportunities", "select count(*) from business_case"));
        assertEquals(1, api().put("/api/v1/opportunities/" + id + "/business-case", officer(BROMSGROVE), businessCase(true))
                .get("version"));
        assertEquals(2, api().put("/api/v1/opportunities/" + id + "/business-case", officer(BROMSGROVE), businessCase(true))
                .get("version"), "each submission is a new version");
    }

    @Test
    void aBusinessCaseMayProjectSavingsOrSplitCostsOnlyForCouncilsThatTakePart() {
        String id = proposeWithHost();
        long versions = Superuser.count("opportunities", "select count(*) from business_case");
        for (String body : List.of(
                businessCase(true).replace("\"authorityId\":\"" + REDDITCH + "\"", "\"authorityId\":\"" + OUTSIDER + "\""),
                businessCase(true).replace("\"costSplit\":\"EQUAL\"", "\"costSplit\":\"BY_SHARE\",\"sharesPercent\":{\""
                        + BROMSGROVE + "\":50,\"" + OUTSIDER + "\":50}"))) {
            HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                    () -> api().put("/api/v1/opportunities/" + id + "/business-case", officer(BROMSGROVE), body));
            assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, e.getStatus());
            Map<?, ?> problem = e.getResponse().getBody(Argument.of(Map.class)).orElseThrow();
            assertEquals("urn:concordat:problem:council-not-taking-part", problem.get("type"));
            assertEquals(List.of(OUTSIDER.toString()), problem.get("authorities"));
        }
        assertEquals(versions, Superuser.count("opportunities", "select count(*) from business_case"));
    }

    @Test
    void theBusinessCaseReadsBackAsSubmittedWithEachCouncilsShareAndItsFullYearSaving() {
        String id = proposeWithHost();
        api().put("/api/v1/opportunities/" + id + "/business-case", officer(BROMSGROVE), businessCase(true));
        Map<?, ?> submitted = api().put("/api/v1/opportunities/" + id + "/business-case", officer(REDDITCH), """
                {"investigationCostPence":500000,"implementationCostPence":3000000,"costSplit":"BY_POPULATION",
                 "populations":{"%1$s":99000,"%2$s":86000},"externalFundingPence":3000000,
                 "projectedSavings":[{"authorityId":"%1$s","financialYear":"2026/27","annualPence":1000000},
                                     {"authorityId":"%1$s","financialYear":"2027/28","annualPence":2000000},
                                     {"authorityId":"%1$s","financialYear":"2028/29","annualPence":3000000},
                                     {"authorityId":"%2$s","financialYear":"2027/28","annualPence":1500000},
                                     {"authorityId":"%2$s","financialYear":"2028/29","annualPence":2500000}],
                 "benefits":["Capacity"],"staffingImplications":false}""".formatted(BROMSGROVE, REDDITCH));
        assertEquals(2, submitted.get("version"));
        assertEquals(5_500_000, submitted.get("projectedAnnualSavingsPence"), "the full-year saving, not three years added up");
        assertEquals(10_000_000, submitted.get("projectedTotalSavingsPence"));
        BusinessCaseSubmitted published = new io.concordat.events.EventCodec(json).decode(TestEvents.readAll(
                Topics.OPPORTUNITIES, e -> EventTypes.BUSINESS_CASE_SUBMITTED.type().equals(e.type())
                        && e.subject().equals(id.toString()), java.time.Duration.ofSeconds(30)).get(1),
                EventTypes.BUSINESS_CASE_SUBMITTED);
        assertEquals(List.of(10_000_000L, 5_500_000L), List.of(published.projectedAnnualSavingsPence(),
                published.projectedFullYearSavingsPence()), "the event's first field keeps its published meaning");

        Map<?, ?> latest = api().get("/api/v1/opportunities/" + id + "/business-case", officer(BROMSGROVE));
        assertEquals(2, latest.get("version"));
        assertEquals("BY_POPULATION", latest.get("costSplit"));
        assertEquals(500_000, latest.get("netOneOffCostsPence"));
        List<?> shares = (List<?>) latest.get("costShares");
        assertEquals(2, shares.size());
        Map<?, ?> bromsgrove = (Map<?, ?>) shares.stream().filter(x -> BROMSGROVE.toString().equals(((Map<?, ?>) x)
                .get("authorityId"))).findFirst().orElseThrow();
        assertEquals(267_568, bromsgrove.get("pence"), "99,000 of 185,000 people: 53.51% of 500,000 pence");
        assertEquals(500_000, shares.stream().mapToInt(x -> (Integer) ((Map<?, ?>) x).get("pence")).sum());
        assertEquals(Map.of("2026/27", 1_000_000, "2027/28", 3_500_000, "2028/29", 5_500_000),
                latest.get("projectedSavingsByYear"));
        assertEquals(5, ((List<?>) latest.get("projectedSavings")).size());

        Map<?, ?> first = api().get("/api/v1/opportunities/" + id + "/business-case?version=1", officer(REDDITCH));
        assertEquals(1, first.get("version"));
        assertEquals("EQUAL", first.get("costSplit"));
        assertEquals(List.of(250_000, 250_000), ((List<?>) first.get("costShares")).stream()
                .map(x -> ((Map<?, ?>) x).get("pence")).toList(), "one-off costs net of funding shared equally by both");
        assertEquals(true, first.get("staffingImplications"));
        assertEquals("2026-05-01", first.get("staffConsultedOn"));
        assertEquals("PEOPLE", ((Map<?, ?>) ((List<?>) first.get("risks")).get(0)).get("category"));

        assertEquals(HttpStatus.NOT_FOUND, status(() -> api().get("/api/v1/opportunities/" + id + "/business-case?version=3",
                officer(BROMSGROVE))));
        assertEquals(HttpStatus.BAD_REQUEST, status(() -> api().get("/api/v1/opportunities/" + id + "/business-case?version=0",
                officer(BROMSGROVE))));
        assertEquals(HttpStatus.NOT_FOUND, status(() -> api().get("/api/v1/opportunities/" + id + "/business-case",
                officer(OUTSIDER))), "a council not sharing the region cannot read it");
        assertEquals(HttpStatus.NOT_FOUND, status(() -> api().get("/api/v1/opportunities/" + propose() + "/business-case",
                officer(BROMSGROVE))), "no business case yet");
    }

    @Test
    void theProposerMayChangeItsRoleToHostOrReceiveButStaysCommitted() {
        String id = propose();
        Map<?, ?> detail = api().post("/api/v1/opportunities/" + id + "/participants", officer(BROMSGROVE),
                "{\"role\":\"PROSPECTIVE_HOST\",\"status\":\"COMMITTED\"}");
        assertTrue(detail.get("participants").toString().contains("role=PROSPECTIVE_HOST"), detail.toString());
        assertEquals(HttpStatus.CONFLICT, status(() -> api().post("/api/v1/opportunities/" + id + "/participants",
                officer(BROMSGROVE), "{\"role\":\"PROSPECTIVE_HOST\",\"status\":\"WITHDRAWN\"}")));
        assertEquals(HttpStatus.BAD_REQUEST, status(() -> api().post("/api/v1/opportunities/" + id + "/participants",
                officer(BROMSGROVE), "{\"role\":\"INTERESTED\",\"status\":\"COMMITTED\"}")));
    }

    @Test
    void aVacancyOpenedOpportunityIsApprovedWithTheCouncilWhosePostItIsAsARecipient() {
        String vacancy = (String) api().post("/api/v1/opportunities/vacancies", officer(BROMSGROVE),
                "{\"title\":\"Head of Financial Services\",\"serviceArea\":\"support.finance\",\"grade\":\"CO2\","
                        + "\"closingDate\":\"" + java.time.LocalDate.now().plusMonths(1) + "\"}").get("id");
        String id = (String) api().post("/api/v1/opportunities/vacancies/" + vacancy + "/opportunity", officer(BROMSGROVE),
                "{\"regionIds\":[\"" + ALLIANCE + "\"]}").get("id");
        api().post("/api/v1/opportunities/" + id + "/participants", officer(REDDITCH),
                "{\"role\":\"PROSPECTIVE_HOST\",\"status\":\"COMMITTED\"}");
        api().post("/api/v1/opportunities/" + id + "/participants/" + REDDITCH + "/accept", officer(BROMSGROVE), null);
        stage(id, "IN_PRINCIPLE");
        api().post("/api/v1/opportunities/" + id + "/stage", officer(BROMSGROVE),
                "{\"to\":\"BOARD_RECOMMENDATION\",\"boardRegionId\":\"" + ALLIANCE + "\"}");
        voteAs(BROMSGROVE, true, true, true);
        voteAs(REDDITCH, true, true, true);
        api().post("/api/v1/opportunities/" + id + "/board/recommendation", officer(REDDITCH), null);

        api().post("/api/v1/opportunities/" + id + "/decisions", officer(REDDITCH),
                "{\"outcome\":\"APPROVE\",\"body\":\"EXECUTIVE\",\"decidedOn\":\"2026-06-15\",\"minuteReference\":\"EX/7\"}");
        Map<?, ?> decided = api().post("/api/v1/opportunities/" + id + "/decisions", officer(BROMSGROVE),
                "{\"outcome\":\"APPROVE\",\"body\":\"CABINET\",\"decidedOn\":\"2026-06-16\",\"minuteReference\":\"CAB/9\"}");

        assertEquals(true, decided.get("approved"));
        String approved = new String(TestEvents.readAll(Topics.OPPORTUNITIES, e -> e.subject().equals(id)
                && e.type().equals(EventTypes.OPPORTUNITY_APPROVED.type()), Duration.ofSeconds(5)).get(0).data());
        assertTrue(approved.contains("\"hostAuthorityId\":\"" + REDDITCH + "\""), approved);
        assertTrue(approved.contains("\"recipientAuthorityIds\":[\"" + BROMSGROVE + "\"]"), approved);
    }

    /** Proposed by Bromsgrove as recipient, Redditch committed as host and accepted, at the board. */
    private String beforeTheBoard() {
        String id = proposeWithHost();
        stage(id, "IN_PRINCIPLE");
        stage(id, "OUTLINE_BUSINESS_CASE");
        api().put("/api/v1/opportunities/" + id + "/business-case", officer(BROMSGROVE), businessCase(true));
        api().post("/api/v1/opportunities/" + id + "/stage", officer(BROMSGROVE),
                "{\"to\":\"BOARD_RECOMMENDATION\",\"boardRegionId\":\"" + ALLIANCE + "\"}");
        return id;
    }

    private String proposeWithHost() {
        String id = propose();
        Map<?, ?> joined = api().post("/api/v1/opportunities/" + id + "/participants", officer(REDDITCH),
                "{\"role\":\"PROSPECTIVE_HOST\",\"status\":\"COMMITTED\"}");
        assertTrue(joined.toString().contains("accepted=false"));
        api().post("/api/v1/opportunities/" + id + "/participants/" + REDDITCH + "/accept", officer(BROMSGROVE), null);
        return id;
    }

    private String propose() {
        return (String) api().post("/api/v1/opportunities", officer(BROMSGROVE), """
                {"title":"Shared elections service","serviceArea":"support.elections","model":"JOINT_PROVISION_WITH_HOST",
                 "trigger":"VACANCY","horizon":"MEDIUM_TERM","proposerRole":"PROSPECTIVE_RECIPIENT",
                 "regionIds":["%s"]}""".formatted(ALLIANCE)).get("id");
    }

    private void stage(String id, String to) {
        api().post("/api/v1/opportunities/" + id + "/stage", officer(BROMSGROVE), "{\"to\":\"" + to + "\"}");
    }

    private String businessCase(boolean consulted) {
        return """
                {"investigationCostPence":500000,"implementationCostPence":3000000,"costSplit":"EQUAL",
                 "externalFundingPence":3000000,
                 "projectedSavings":[{"authorityId":"%s","financialYear":"2026/27","annualPence":2000000},
                                     {"authorityId":"%s","financialYear":"2026/27","annualPence":2000000}],
                 "benefits":["Resilience: one team covers both councils' elections"],
                 "risks":[{"category":"PEOPLE","description":"Staff uncertainty during the change","likelihood":3,"impact":3}],
                 "staffingImplications":true%s}""".formatted(BROMSGROVE, REDDITCH,
                consulted ? ",\"staffConsultedOn\":\"2026-05-01\",\"tradeUnionsConsultedOn\":\"2026-05-02\"" : "");
    }

    /** Each call is a different councillor of the authority. */
    private void voteAs(UUID authority, boolean... inFavour) {
        for (boolean vote : inFavour) {
            String councillor = councillor(authority);
            String id = latestBoardOpportunity();
            api().post("/api/v1/opportunities/" + id + "/board/votes", councillor, "{\"inFavour\":" + vote + "}");
        }
    }

    private String latestBoardOpportunity() {
        return Superuser.query("opportunities", "select id::text from opportunity where stage = 'BOARD_RECOMMENDATION' "
                + "and authority_id = '" + BROMSGROVE + "' and not exists (select 1 from board_recommendation r "
                + "where r.opportunity_id = opportunity.id) order by proposed_at desc limit 1");
    }

    private long approvedEvents(String id, Duration wait) {
        return TestEvents.readAll(Topics.OPPORTUNITIES, e -> e.subject().equals(id)
                && e.type().equals(EventTypes.OPPORTUNITY_APPROVED.type()), wait).size();
    }

    private ApiCalls api() {
        return new ApiCalls(http);
    }

    private static HttpStatus status(Runnable call) {
        return assertThrows(HttpClientResponseException.class, call::run).getStatus();
    }
}
