package io.concordat.opportunities;

import io.concordat.events.EventEnvelope;
import io.concordat.events.EventTypes;
import io.concordat.events.tenants.v1.MembershipEnded;
import io.concordat.events.tenants.v1.RegionBoardDescribed;
import io.concordat.kit.tenancy.Roles;
import io.concordat.kit.testing.Eventually;
import io.concordat.kit.testing.ApiCalls;
import io.concordat.kit.testing.ServiceTestProperties;
import io.concordat.kit.testing.Superuser;
import io.concordat.kit.testing.TestDirectory;
import io.concordat.kit.testing.TestEvents;
import io.concordat.kit.testing.TestTokens;
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

import static io.concordat.kit.testing.Councils.councillor;
import static io.concordat.kit.testing.Councils.officer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every endpoint of the opportunities service, tried with another authority's token (every role
 * it could hold), the token of an authority that left the region, a forged token and an edited
 * authority claim: nothing private is read, nothing is changed.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpportunitiesIsolationIT implements TestPropertyProvider {

    private static final UUID OWNER = UUID.randomUUID();
    private static final UUID HOST = UUID.randomUUID();
    private static final UUID LEAVER = UUID.randomUUID();
    private static final UUID OUTSIDER = UUID.randomUUID();
    private static final UUID BYSTANDER = UUID.randomUUID();
    private static final UUID REGION = UUID.randomUUID();
    private static final String[] EVERY_ROLE = {Roles.AUTHORITY_OFFICER, Roles.AUTHORITY_ADMIN, Roles.BOARD_MEMBER,
            Roles.REGION_ADMIN, Roles.REGIONAL_VIEWER};

    @Inject
    @Client("/")
    HttpClient http;

    private final TestTokens tokens = TestTokens.get();
    private String shared;
    private String own;
    private String vacancy;

    @Override
    public Map<String, String> getProperties() {
        return ServiceTestProperties.of("opportunities");
    }

    @BeforeAll
    void aSharedOpportunityBeforeTheBoardAPrivateOneAndAVacancy() {
        TestDirectory.registerAuthorities("opportunities", List.of(OWNER, HOST, LEAVER, OUTSIDER, BYSTANDER));
        TestDirectory.createRegion("opportunities", REGION, "Isolation " + REGION, List.of(OWNER, HOST, LEAVER, BYSTANDER));
        TestEvents.publish(EventTypes.REGION_BOARD_DESCRIBED, REGION.toString(), EventEnvelope.PLATFORM,
                new RegionBoardDescribed(REGION, 3, "SIMPLE_MAJORITY", null, Instant.now()));
        Eventually.until("the board known here", Duration.ofSeconds(60), () -> Superuser.count("opportunities",
                "select count(*) from region_board where region_id = '" + REGION + "'") == 1);

        shared = (String) api().send(HttpMethod.POST, "/api/v1/opportunities", officer(OWNER), """
                {"title":"Shared legal service","serviceArea":"support.legal","proposerRole":"PROSPECTIVE_RECIPIENT",
                 "regionIds":["%s"]}""".formatted(REGION)).get("id");
        own = (String) api().send(HttpMethod.POST, "/api/v1/opportunities", officer(OWNER),
                "{\"title\":\"Owner's own\",\"serviceArea\":\"support.legal\"}").get("id");
        vacancy = (String) api().send(HttpMethod.POST, "/api/v1/opportunities/vacancies", officer(OWNER),
                "{\"title\":\"Solicitor\",\"serviceArea\":\"support.legal\",\"grade\":\"M1\",\"closingDate\":\""
                        + LocalDate.now().plusMonths(1) + "\"}").get("id");
        api().send(HttpMethod.POST, "/api/v1/opportunities/" + shared + "/participants", officer(HOST),
                "{\"role\":\"PROSPECTIVE_HOST\",\"status\":\"COMMITTED\"}");
        api().send(HttpMethod.POST, "/api/v1/opportunities/" + shared + "/participants/" + HOST + "/accept", officer(OWNER), null);
        api().send(HttpMethod.PUT, "/api/v1/opportunities/" + shared + "/business-case", officer(OWNER), """
                {"investigationCostPence":100,"implementationCostPence":200,"costSplit":"EQUAL","externalFundingPence":0,
                 "projectedSavings":[{"authorityId":"%s","financialYear":"2026/27","annualPence":300}],
                 "staffingImplications":false}""".formatted(HOST));
        for (String to : List.of("IN_PRINCIPLE", "OUTLINE_BUSINESS_CASE")) {
            api().send(HttpMethod.POST, "/api/v1/opportunities/" + shared + "/stage", officer(OWNER), "{\"to\":\"" + to + "\"}");
        }
        api().send(HttpMethod.POST, "/api/v1/opportunities/" + shared + "/stage", officer(OWNER),
                "{\"to\":\"BOARD_RECOMMENDATION\",\"boardRegionId\":\"" + REGION + "\"}");
        api().send(HttpMethod.POST, "/api/v1/opportunities/" + shared + "/board/votes",
                councillor(OWNER), "{\"inFavour\":true}");

        TestEvents.publish(EventTypes.MEMBERSHIP_ENDED, REGION.toString(), LEAVER,
                new MembershipEnded(REGION, LEAVER, LocalDate.now(), "admin", Instant.now()));
        Eventually.until("the leaver's membership ended here", Duration.ofSeconds(30), () -> Superuser.count("opportunities",
                "select count(*) from region_membership where authority_id = '" + LEAVER + "' and left_on is not null") == 1);
    }

    @Test
    void noEndpointLeaksOrChangesAnythingForTheWrongToken() {
        String decision = "{\"outcome\":\"APPROVE\",\"body\":\"CABINET\",\"decidedOn\":\"2026-06-01\",\"minuteReference\":\"X\"}";
        String businessCase = "{\"investigationCostPence\":1,\"implementationCostPence\":1,\"costSplit\":\"EQUAL\","
                + "\"externalFundingPence\":0,\"staffingImplications\":false}";
        List<ApiCalls.Call> calls = List.of(
                new ApiCalls.Call(HttpMethod.GET, "/api/v1/opportunities/" + shared, null),
                new ApiCalls.Call(HttpMethod.GET, "/api/v1/opportunities/" + own, null),
                new ApiCalls.Call(HttpMethod.GET, "/api/v1/opportunities/" + shared + "/suggested-partners", null),
                new ApiCalls.Call(HttpMethod.POST, "/api/v1/opportunities/" + shared + "/stage", "{\"to\":\"ON_HOLD\"}"),
                new ApiCalls.Call(HttpMethod.POST, "/api/v1/opportunities/" + own + "/stage", "{\"to\":\"WITHDRAWN\"}"),
                new ApiCalls.Call(HttpMethod.POST, "/api/v1/opportunities/" + shared + "/participants",
                        "{\"role\":\"INTERESTED\",\"status\":\"INTERESTED\"}"),
                new ApiCalls.Call(HttpMethod.POST, "/api/v1/opportunities/" + shared + "/participants/" + HOST + "/accept", null),
                new ApiCalls.Call(HttpMethod.PUT, "/api/v1/opportunities/" + shared + "/business-case", businessCase),
                new ApiCalls.Call(HttpMethod.GET, "/api/v1/opportunities/" + shared + "/business-case", null),
                new ApiCalls.Call(HttpMethod.GET, "/api/v1/opportunities/" + shared + "/business-case?version=1", null),
                new ApiCalls.Call(HttpMethod.POST, "/api/v1/opportunities/" + shared + "/board/votes", "{\"inFavour\":false}"),
                new ApiCalls.Call(HttpMethod.POST, "/api/v1/opportunities/" + shared + "/board/recommendation", null),
                new ApiCalls.Call(HttpMethod.POST, "/api/v1/opportunities/" + shared + "/decisions", decision),
                new ApiCalls.Call(HttpMethod.GET, "/api/v1/opportunities/vacancies/" + vacancy, null),
                new ApiCalls.Call(HttpMethod.GET, "/api/v1/opportunities/vacancies/" + vacancy + "/possible-partners", null),
                new ApiCalls.Call(HttpMethod.POST, "/api/v1/opportunities/vacancies/" + vacancy + "/opportunity", null),
                new ApiCalls.Call(HttpMethod.POST, "/api/v1/opportunities/vacancies/" + vacancy + "/close",
                        "{\"reason\":\"WITHDRAWN\"}"));
        Map<String, String> wrongTokens = Map.of(
                "another authority, every role", tokens.forAuthority(OUTSIDER, EVERY_ROLE),
                "an authority that left the region", tokens.forAuthority(LEAVER, EVERY_ROLE),
                "a forged token", tokens.forged(OWNER, EVERY_ROLE),
                "an edited authority claim", tokens.tampered(OUTSIDER, OWNER, EVERY_ROLE));
        String before = state();
        assertEquals(List.of(), api().leaks(wrongTokens, calls));
        assertEquals(before, state(), "no wrong token changed anything");
    }

    @Test
    void listsShowTheWrongTokenNothingOfTheOwners() {
        for (UUID other : List.of(OUTSIDER, LEAVER)) {
            String token = tokens.forAuthority(other, EVERY_ROLE);
            String opportunities = api().send(HttpMethod.GET, "/api/v1/opportunities?size=100", token, null).toString();
            assertTrue(!opportunities.contains(shared) && !opportunities.contains(own), opportunities);
            String vacancies = api().list("/api/v1/opportunities/vacancies", token).toString();
            assertTrue(!vacancies.contains(vacancy), vacancies);
        }
        assertTrue(api().send(HttpMethod.GET, "/api/v1/opportunities?size=100", officer(HOST), null).toString().contains(shared),
                "a current member still sees it");
    }

    @Test
    void aMemberOfTheRegionWhoDoesNotTakePartSeesItButNeitherDecidesNorRecordsTheRecommendation() {
        String bystander = tokens.forAuthority(BYSTANDER, Roles.AUTHORITY_OFFICER, Roles.AUTHORITY_ADMIN);
        assertEquals(HttpStatus.OK, api().status(HttpMethod.GET, "/api/v1/opportunities/" + shared, bystander, null));
        String before = state();
        assertEquals(HttpStatus.FORBIDDEN, api().status(HttpMethod.POST, "/api/v1/opportunities/" + shared
                + "/board/recommendation", bystander, null));
        assertEquals(HttpStatus.FORBIDDEN, api().status(HttpMethod.PUT, "/api/v1/opportunities/" + shared + "/business-case",
                bystander, "{\"investigationCostPence\":1,\"implementationCostPence\":1,\"costSplit\":\"EQUAL\","
                        + "\"externalFundingPence\":0,\"staffingImplications\":false}"));
        assertEquals(HttpStatus.FORBIDDEN, api().status(HttpMethod.POST, "/api/v1/opportunities/" + shared + "/stage", bystander,
                "{\"to\":\"ON_HOLD\"}"));
        assertEquals(before, state());
    }

    @Test
    void aMemberOfTheRegionReadsTheBusinessCaseButCannotCloseAnotherCouncilsVacancy() {
        String bystander = tokens.forAuthority(BYSTANDER, Roles.AUTHORITY_OFFICER, Roles.AUTHORITY_ADMIN);
        assertEquals(HttpStatus.OK, api().status(HttpMethod.GET, "/api/v1/opportunities/" + shared + "/business-case",
                bystander, null));
        String before = state();
        assertEquals(HttpStatus.FORBIDDEN, api().status(HttpMethod.POST, "/api/v1/opportunities/vacancies/" + vacancy
                + "/close", bystander, "{\"reason\":\"FILLED\"}"));
        assertEquals(before, state());
    }

    private static String state() {
        return String.join("/", List.of("opportunity", "stage_change", "participant where accepted", "business_case",
                "board_vote", "board_recommendation", "council_decision", "vacancy where opportunity_id is not null", "vacancy where status = 'OPEN'",
                "opportunity where stage = 'BOARD_RECOMMENDATION'").stream()
                .map(t -> String.valueOf(Superuser.count("opportunities", "select count(*) from " + t))).toList());
    }

    private ApiCalls api() {
        return new ApiCalls(http);
    }
}
