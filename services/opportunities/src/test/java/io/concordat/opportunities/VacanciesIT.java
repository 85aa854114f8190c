package io.concordat.opportunities;

import io.concordat.events.EventTypes;
import io.concordat.events.Topics;
import io.concordat.events.hosting.v1.ArrangementAgreed;
import io.concordat.kit.testing.ApiCalls;
import io.concordat.kit.testing.Eventually;
import io.concordat.kit.testing.Superuser;
import io.concordat.kit.testing.TestEvents;
import io.concordat.kit.testing.ServiceTestProperties;
import io.concordat.kit.testing.Superuser;
import io.concordat.kit.testing.TestDirectory;
import io.concordat.kit.testing.TestTokens;
import io.micronaut.http.HttpRequest;
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

/** Seeds 000 and 002: stop and think before recruiting, and find a neighbour recruiting to the same kind of post. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VacanciesIT implements TestPropertyProvider {

    private static final UUID CHORLEY = UUID.randomUUID();
    private static final UUID SOUTH_RIBBLE = UUID.randomUUID();
    private static final UUID BOLTON = UUID.randomUUID();
    private static final UUID GEDLING = UUID.randomUUID();
    private static final UUID LANCASHIRE = UUID.randomUUID();
    private static final UUID NOTTS = UUID.randomUUID();
    private static final UUID ELECTIONS_GROUP = UUID.randomUUID();
    private static final String CLOSING = LocalDate.now().plusMonths(2).toString();

    @Inject
    @Client("/")
    HttpClient http;

    private final TestTokens tokens = TestTokens.get();

    @Override
    public Map<String, String> getProperties() {
        return ServiceTestProperties.of("opportunities");
    }

    @BeforeAll
    void twoRegions() {
        TestDirectory.registerAuthorities("opportunities", Map.of(CHORLEY, "Chorley Council", SOUTH_RIBBLE,
                "South Ribble Borough Council", BOLTON, "Bolton Council", GEDLING, "Gedling Borough Council"));
        TestDirectory.createRegion("opportunities", LANCASHIRE, "Central Lancashire " + LANCASHIRE,
                List.of(CHORLEY, SOUTH_RIBBLE, BOLTON));
        TestDirectory.createRegion("opportunities", NOTTS, "Nottinghamshire " + NOTTS, List.of(GEDLING));
        TestDirectory.createRegion("opportunities", ELECTIONS_GROUP, "Lancashire Elections Group " + ELECTIONS_GROUP,
                List.of(CHORLEY, BOLTON));
    }

    @Test
    void aVacancySurfacesWithAReasonToACouncilInTheSameRegionRecruitingToTheSameKindOfPost() {
        String chorleys = api().create("/api/v1/opportunities/vacancies", officer(CHORLEY), vacancy("Head of Financial Services", "support.finance"));
        api().create("/api/v1/opportunities/vacancies", officer(SOUTH_RIBBLE), vacancy("Finance Manager", "support.finance"));
        api().create("/api/v1/opportunities/vacancies", officer(BOLTON), vacancy("HR Adviser", "support.hr"));
        String gedlings = api().create("/api/v1/opportunities/vacancies", officer(GEDLING), vacancy("Chief Accountant", "support.finance"));

        List<Map> southRibble = matches(SOUTH_RIBBLE);
        assertEquals(1, southRibble.size());
        List<?> partners = (List<?>) southRibble.get(0).get("partners");
        assertEquals(1, partners.size(), "Chorley, not Bolton (HR) nor Gedling (another region)");
        Map<?, ?> chorley = (Map<?, ?>) partners.get(0);
        assertEquals("Chorley Council", chorley.get("authorityName"));
        assertTrue(chorley.get("reasons").toString().contains("is also recruiting: Head of Financial Services (Finance)"));
        assertEquals(List.of("Central Lancashire " + LANCASHIRE), chorley.get("sharedRegions"));

        assertEquals(List.of(), ((Map<?, ?>) matches(GEDLING).get(0)).get("partners"), "nothing crosses to another region");
        assertEquals(HttpStatus.NOT_FOUND, status(() -> api().get("/api/v1/opportunities/vacancies/" + chorleys, officer(GEDLING))));
        assertTrue(api().list("/api/v1/opportunities/vacancies", officer(GEDLING)).stream()
                .allMatch(v -> GEDLING.toString().equals(((Map<?, ?>) v).get("authorityId"))));
        assertEquals(HttpStatus.NOT_FOUND, status(() -> api().get("/api/v1/opportunities/vacancies/" + gedlings, officer(CHORLEY))));
    }

    @Test
    void beforeRecruitingAVacancyOpensAnOpportunityThatNeighboursSeeAndWhichSuggestsThem() {
        String vacancy = api().create("/api/v1/opportunities/vacancies", officer(CHORLEY), vacancy("Elections Manager", "support.elections"));
        api().create("/api/v1/opportunities/vacancies", officer(BOLTON), vacancy("Electoral Services Officer", "support.elections"));

        String opportunity = api().create("/api/v1/opportunities/vacancies/" + vacancy + "/opportunity", officer(CHORLEY), null);

        Map<?, ?> seen = (Map<?, ?>) api().get("/api/v1/opportunities/" + opportunity, officer(SOUTH_RIBBLE)).get("opportunity");
        assertEquals("VACANCY", seen.get("trigger"));
        assertEquals("SHARED_POST", seen.get("model"));
        List<?> suggested = api().list("/api/v1/opportunities/" + opportunity + "/suggested-partners", officer(CHORLEY));
        assertEquals("Bolton Council", ((Map<?, ?>) suggested.get(0)).get("authorityName"));
        assertEquals(3, ((Map<?, ?>) suggested.get(0)).get("score"));
        assertEquals(HttpStatus.CONFLICT, status(() -> api().create("/api/v1/opportunities/vacancies/" + vacancy
                + "/opportunity", officer(CHORLEY), null)), "one opportunity per vacancy");
        assertEquals(HttpStatus.FORBIDDEN, status(() -> api().create("/api/v1/opportunities/vacancies/" + vacancy
                + "/opportunity", officer(SOUTH_RIBBLE), null)), "only the authority with the vacancy opens it");
    }

    @Test
    void aNeighbourThatAlreadyHostsTheServiceIsTheStrongestSuggestion() {
        UUID arrangement = UUID.randomUUID();
        TestEvents.publish(EventTypes.ARRANGEMENT_AGREED, arrangement.toString(), BOLTON, new ArrangementAgreed(arrangement,
                "Payroll for Stockport", "support.payroll", BOLTON, List.of(), "PERMANENT", LocalDate.of(2020, 4, 1), null,
                null, "EQUAL_SHARES", List.of(LANCASHIRE), Instant.now()));
        Eventually.until("the hosted service known here", Duration.ofSeconds(30), () -> Superuser.count("opportunities",
                "select count(*) from hosted_service where arrangement_id = '" + arrangement + "'") == 1);
        String vacancy = api().create("/api/v1/opportunities/vacancies", officer(SOUTH_RIBBLE), vacancy("Payroll Manager", "support.payroll"));

        List<?> partners = api().list("/api/v1/opportunities/vacancies/" + vacancy + "/possible-partners", officer(SOUTH_RIBBLE));

        Map<?, ?> bolton = (Map<?, ?>) partners.get(0);
        assertEquals("Bolton Council", bolton.get("authorityName"));
        assertEquals(4, bolton.get("score"));
        assertEquals(List.of("already hosts 'Payroll for Stockport'"), bolton.get("reasons"));
        String gedlings = api().create("/api/v1/opportunities/vacancies", officer(GEDLING), vacancy("Payroll Officer", "support.payroll"));
        assertEquals(List.of(), api().list("/api/v1/opportunities/vacancies/" + gedlings + "/possible-partners", officer(GEDLING)),
                "a host in another region is not shown");
    }

    @Test
    void badVacanciesAreRefusedAndNothingIsWritten() {
        long before = Superuser.count("opportunities", "select count(*) from vacancy");
        for (String body : List.of(vacancy("Astrologer", "support.astrology"),
                vacancy("Clerk", "support.legal").replace(CLOSING, "2001-01-01"),
                "{\"title\":\"Clerk\",\"serviceArea\":\"support.legal\",\"grade\":\"S1\",\"closingDate\":\"next week\"}",
                "{\"title\":\"Clerk\"}")) {
            assertEquals(HttpStatus.BAD_REQUEST, status(() -> api().create("/api/v1/opportunities/vacancies", officer(CHORLEY), body)), body);
        }
        assertEquals(before, Superuser.count("opportunities", "select count(*) from vacancy"));
    }

    @Test
    void aVacancyOpensAnOpportunityInTheRoleItsCouncilChoosesSharedOnlyWithRegionsOfItsOwn() {
        String byDefault = api().create("/api/v1/opportunities/vacancies", officer(CHORLEY), vacancy("Electoral Registration Officer",
                "support.elections"));
        Map<?, ?> opened = api().post("/api/v1/opportunities/vacancies/" + byDefault + "/opportunity", officer(CHORLEY), null);
        assertEquals(2, ((List<?>) opened.get("regionIds")).size(), "by default, every region of the council");
        assertEquals(List.of("PROSPECTIVE_RECIPIENT"), roleOf(CHORLEY, (String) opened.get("id")),
                "the council whose post it is takes part, by default as the prospective recipient");

        String vacancy = api().create("/api/v1/opportunities/vacancies", officer(CHORLEY), vacancy("Deputy Returning Officer", "support.elections"));
        long opportunities = Superuser.count("opportunities", "select count(*) from opportunity");
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, status(() -> api().create("/api/v1/opportunities/vacancies/" + vacancy
                + "/opportunity", officer(CHORLEY), "{\"regionIds\":[\"" + NOTTS + "\"]}")), "not a region of Chorley's");
        assertEquals(HttpStatus.BAD_REQUEST, status(() -> api().create("/api/v1/opportunities/vacancies/" + vacancy
                + "/opportunity", officer(CHORLEY), "{\"role\":\"INTERESTED\"}")));
        assertEquals(opportunities, Superuser.count("opportunities", "select count(*) from opportunity"));
        assertEquals("OPEN", api().get("/api/v1/opportunities/vacancies/" + vacancy, officer(CHORLEY)).get("status"), "nothing changed");

        Map<?, ?> chosen = api().post("/api/v1/opportunities/vacancies/" + vacancy + "/opportunity", officer(CHORLEY), "{\"role\":\"PROSPECTIVE_HOST\",\"regionIds\":[\"" + ELECTIONS_GROUP + "\"]}");
        assertEquals(List.of(ELECTIONS_GROUP.toString()), chosen.get("regionIds"));
        assertEquals(List.of("PROSPECTIVE_HOST"), roleOf(CHORLEY, (String) chosen.get("id")));
        assertEquals(HttpStatus.NOT_FOUND, status(() -> api().get("/api/v1/opportunities/" + chosen.get("id"), officer(SOUTH_RIBBLE))),
                "not shared with Central Lancashire");
        assertEquals(HttpStatus.OK, http.toBlocking().exchange(HttpRequest.GET("/api/v1/opportunities/" + chosen.get("id"))
                .bearerAuth(officer(BOLTON))).getStatus());
    }

    @Test
    void aVacancyFilledWithdrawnOrOpenedAsAnOpportunityNoLongerSurfacesToOtherCouncils() {
        String filled = api().create("/api/v1/opportunities/vacancies", officer(CHORLEY), vacancy("Revenues Manager", "support.exchequer"));
        String withdrawn = api().create("/api/v1/opportunities/vacancies", officer(CHORLEY), vacancy("Benefits Manager", "support.exchequer"));
        String opened = api().create("/api/v1/opportunities/vacancies", officer(CHORLEY), vacancy("Exchequer Manager", "support.exchequer"));
        String boltons = api().create("/api/v1/opportunities/vacancies", officer(BOLTON), vacancy("Revenues Officer", "support.exchequer"));
        assertEquals(3, reasonsFor(boltons).size());

        Map<?, ?> closed = api().post("/api/v1/opportunities/vacancies/" + filled + "/close", officer(CHORLEY), "{\"reason\":\"FILLED\"}");
        assertEquals("FILLED", closed.get("status"));
        assertEquals(false, closed.get("recruiting"));
        api().post("/api/v1/opportunities/vacancies/" + withdrawn + "/close", officer(CHORLEY), "{\"reason\":\"WITHDRAWN\"}");
        String opportunity = api().create("/api/v1/opportunities/vacancies/" + opened + "/opportunity", officer(CHORLEY), null);

        Map<?, ?> openedNow = api().get("/api/v1/opportunities/vacancies/" + opened, officer(CHORLEY));
        assertEquals("OPPORTUNITY_OPENED", openedNow.get("status"));
        assertEquals(opportunity, openedNow.get("opportunityId"));
        assertEquals(List.of(), reasonsFor(boltons).stream().filter(r -> r.contains("recruiting")).toList(),
                "none of Chorley's three is recruiting any more");
        String listed = api().list("/api/v1/opportunities/vacancies", officer(SOUTH_RIBBLE)).toString();
        assertTrue(!listed.contains(filled) && !listed.contains(withdrawn) && !listed.contains(opened), listed);
        List<String> reasons = TestEvents.readAll(Topics.OPPORTUNITIES, e -> e.type().equals(EventTypes.VACANCY_CLOSED.type())
                && List.of(filled, withdrawn, opened).contains(e.subject()), Duration.ofSeconds(10)).stream()
                .map(e -> new String(e.data())).map(d -> d.replaceAll(".*\"reason\":\"([A-Z_]+)\".*", "$1")).sorted().toList();
        assertEquals(List.of("FILLED", "OPPORTUNITY_OPENED", "WITHDRAWN"), reasons, "one VacancyClosed each");

        assertEquals(HttpStatus.CONFLICT, status(() -> api().create("/api/v1/opportunities/vacancies/" + filled + "/close", officer(CHORLEY), "{\"reason\":\"WITHDRAWN\"}")), "closed once");
    }

    @Test
    void onlyTheCouncilWhosePostItIsClosesAVacancyAndBadRequestsChangeNothing() {
        String vacancy = api().create("/api/v1/opportunities/vacancies", officer(CHORLEY), vacancy("Internal Auditor", "support.audit"));
        assertEquals(HttpStatus.FORBIDDEN, status(() -> api().create("/api/v1/opportunities/vacancies/" + vacancy
                + "/close", officer(SOUTH_RIBBLE), "{\"reason\":\"FILLED\"}")), "a neighbour sees it but cannot close it");
        assertEquals(HttpStatus.NOT_FOUND, status(() -> api().create("/api/v1/opportunities/vacancies/" + vacancy
                + "/close", officer(GEDLING), "{\"reason\":\"FILLED\"}")), "another region's council cannot even see it");
        for (String body : List.of("{\"reason\":\"OPEN\"}", "{\"reason\":\"GONE\"}", "{}",
                "{\"reason\":\"OPPORTUNITY_OPENED\"}")) {
            assertEquals(HttpStatus.BAD_REQUEST, status(() -> api().create("/api/v1/opportunities/vacancies/" + vacancy
                    + "/close", officer(CHORLEY), body)), body);
        }
        assertEquals("OPEN", Superuser.query("opportunities", "select status from vacancy where id = '" + vacancy + "'"));
    }

    @Test
    void aVacancyWhoseClosingDateHasPassedIsNeitherListedNorMatched() {
        String lapsed = api().create("/api/v1/opportunities/vacancies", officer(BOLTON), vacancy("Procurement Officer", "support.procurement"));
        String current = api().create("/api/v1/opportunities/vacancies", officer(CHORLEY), vacancy("Buyer", "support.procurement"));
        assertEquals(1, reasonsFor(current).size());

        assertEquals(1, Superuser.count("opportunities", "with lapsed as (update vacancy set closing_date = current_date - 2 "
                + "where id = '" + lapsed + "' returning 1) select count(*) from lapsed"));

        assertEquals(List.of(), reasonsFor(current), "its closing date has passed");
        assertTrue(!api().list("/api/v1/opportunities/vacancies", officer(SOUTH_RIBBLE)).toString().contains(lapsed));
        assertEquals(false, api().get("/api/v1/opportunities/vacancies/" + lapsed, officer(BOLTON)).get("recruiting"));
        assertTrue(matches(BOLTON).stream().noneMatch(m -> m.toString().contains(lapsed)));
    }

    private List<String> reasonsFor(String vacancy) {
        return api().list("/api/v1/opportunities/vacancies/" + vacancy + "/possible-partners", officer(SOUTH_RIBBLE)).stream()
                .flatMap(p -> ((List<?>) ((Map<?, ?>) p).get("reasons")).stream()).map(Object::toString).toList();
    }

    private List<String> roleOf(UUID authority, String opportunity) {
        return ((List<?>) api().get("/api/v1/opportunities/" + opportunity, officer(authority)).get("participants")).stream()
                .map(p -> (Map<?, ?>) p).filter(p -> authority.toString().equals(p.get("authorityId")))
                .map(p -> (String) p.get("role")).toList();
    }

    private static String vacancy(String title, String area) {
        return "{\"title\":\"" + title + "\",\"serviceArea\":\"" + area + "\",\"grade\":\"M2\",\"closingDate\":\"" + CLOSING + "\"}";
    }

    private List<Map> matches(UUID authority) {
        return api().list("/api/v1/opportunities/vacancies/matches", officer(authority));
    }

    private ApiCalls api() {
        return new ApiCalls(http);
    }

    private static HttpStatus status(Runnable call) {
        return assertThrows(HttpClientResponseException.class, call::run).getStatus();
    }
}
