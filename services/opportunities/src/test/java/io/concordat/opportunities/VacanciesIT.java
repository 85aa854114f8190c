package io.concordat.opportunities;

import io.concordat.events.EventTypes;
import io.concordat.events.hosting.v1.ArrangementAgreed;
import io.concordat.kit.tenancy.Roles;
import io.concordat.kit.testing.Eventually;
import io.concordat.kit.testing.Superuser;
import io.concordat.kit.testing.TestEvents;
import io.concordat.kit.testing.ServiceTestProperties;
import io.concordat.kit.testing.Superuser;
import io.concordat.kit.testing.TestDirectory;
import io.concordat.kit.testing.TestTokens;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
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
    }

    @Test
    void aVacancySurfacesWithAReasonToACouncilInTheSameRegionRecruitingToTheSameKindOfPost() {
        String chorleys = post(CHORLEY, "/api/v1/opportunities/vacancies", vacancy("Head of Financial Services", "support.finance"));
        post(SOUTH_RIBBLE, "/api/v1/opportunities/vacancies", vacancy("Finance Manager", "support.finance"));
        post(BOLTON, "/api/v1/opportunities/vacancies", vacancy("HR Adviser", "support.hr"));
        String gedlings = post(GEDLING, "/api/v1/opportunities/vacancies", vacancy("Chief Accountant", "support.finance"));

        List<Map> southRibble = matches(SOUTH_RIBBLE);
        assertEquals(1, southRibble.size());
        List<?> partners = (List<?>) southRibble.get(0).get("partners");
        assertEquals(1, partners.size(), "Chorley, not Bolton (HR) nor Gedling (another region)");
        Map<?, ?> chorley = (Map<?, ?>) partners.get(0);
        assertEquals("Chorley Council", chorley.get("authorityName"));
        assertTrue(chorley.get("reasons").toString().contains("is also recruiting: Head of Financial Services (Finance)"));
        assertEquals(List.of("Central Lancashire " + LANCASHIRE), chorley.get("sharedRegions"));

        assertEquals(List.of(), ((Map<?, ?>) matches(GEDLING).get(0)).get("partners"), "nothing crosses to another region");
        assertEquals(HttpStatus.NOT_FOUND, status(() -> get(GEDLING, "/api/v1/opportunities/vacancies/" + chorleys)));
        assertTrue(list(GEDLING, "/api/v1/opportunities/vacancies").stream()
                .allMatch(v -> GEDLING.toString().equals(((Map<?, ?>) v).get("authorityId"))));
        assertEquals(HttpStatus.NOT_FOUND, status(() -> get(CHORLEY, "/api/v1/opportunities/vacancies/" + gedlings)));
    }

    @Test
    void beforeRecruitingAVacancyOpensAnOpportunityThatNeighboursSeeAndWhichSuggestsThem() {
        String vacancy = post(CHORLEY, "/api/v1/opportunities/vacancies", vacancy("Elections Manager", "support.elections"));
        post(BOLTON, "/api/v1/opportunities/vacancies", vacancy("Electoral Services Officer", "support.elections"));

        String opportunity = post(CHORLEY, "/api/v1/opportunities/vacancies/" + vacancy + "/opportunity", null);

        Map<?, ?> seen = (Map<?, ?>) get(SOUTH_RIBBLE, "/api/v1/opportunities/" + opportunity).get("opportunity");
        assertEquals("VACANCY", seen.get("trigger"));
        assertEquals("SHARED_POST", seen.get("model"));
        List<?> suggested = list(CHORLEY, "/api/v1/opportunities/" + opportunity + "/suggested-partners");
        assertEquals("Bolton Council", ((Map<?, ?>) suggested.get(0)).get("authorityName"));
        assertEquals(3, ((Map<?, ?>) suggested.get(0)).get("score"));
        assertEquals(HttpStatus.CONFLICT, status(() -> post(CHORLEY, "/api/v1/opportunities/vacancies/" + vacancy
                + "/opportunity", null)), "one opportunity per vacancy");
        assertEquals(HttpStatus.FORBIDDEN, status(() -> post(SOUTH_RIBBLE, "/api/v1/opportunities/vacancies/" + vacancy
                + "/opportunity", null)), "only the authority with the vacancy opens it");
    }

    @Test
    void aNeighbourThatAlreadyHostsTheServiceIsTheStrongestSuggestion() {
        UUID arrangement = UUID.randomUUID();
        TestEvents.publish(EventTypes.ARRANGEMENT_AGREED, arrangement.toString(), BOLTON, new ArrangementAgreed(arrangement,
                "Payroll for Stockport", "support.payroll", BOLTON, List.of(), "PERMANENT", LocalDate.of(2020, 4, 1), null,
                null, "EQUAL_SHARES", List.of(LANCASHIRE), Instant.now()));
        Eventually.until("the hosted service known here", Duration.ofSeconds(30), () -> Superuser.count("opportunities",
                "select count(*) from hosted_service where arrangement_id = '" + arrangement + "'") == 1);
        String vacancy = post(SOUTH_RIBBLE, "/api/v1/opportunities/vacancies", vacancy("Payroll Manager", "support.payroll"));

        List<?> partners = list(SOUTH_RIBBLE, "/api/v1/opportunities/vacancies/" + vacancy + "/possible-partners");

        Map<?, ?> bolton = (Map<?, ?>) partners.get(0);
        assertEquals("Bolton Council", bolton.get("authorityName"));
        assertEquals(4, bolton.get("score"));
        assertEquals(List.of("already hosts 'Payroll for Stockport'"), bolton.get("reasons"));
        String gedlings = post(GEDLING, "/api/v1/opportunities/vacancies", vacancy("Payroll Officer", "support.payroll"));
        assertEquals(List.of(), list(GEDLING, "/api/v1/opportunities/vacancies/" + gedlings + "/possible-partners"),
                "a host in another region is not shown");
    }

    @Test
    void badVacanciesAreRefusedAndNothingIsWritten() {
        long before = Superuser.count("opportunities", "select count(*) from vacancy");
        for (String body : List.of(vacancy("Astrologer", "support.astrology"),
                vacancy("Clerk", "support.legal").replace(CLOSING, "2001-01-01"),
                "{\"title\":\"Clerk\",\"serviceArea\":\"support.legal\",\"grade\":\"S1\",\"closingDate\":\"next week\"}",
                "{\"title\":\"Clerk\"}")) {
            assertEquals(HttpStatus.BAD_REQUEST, status(() -> post(CHORLEY, "/api/v1/opportunities/vacancies", body)), body);
        }
        assertEquals(before, Superuser.count("opportunities", "select count(*) from vacancy"));
    }

    private static String vacancy(String title, String area) {
        return "{\"title\":\"" + title + "\",\"serviceArea\":\"" + area + "\",\"grade\":\"M2\",\"closingDate\":\"" + CLOSING + "\"}";
    }

    private List<Map> matches(UUID authority) {
        return http.toBlocking().retrieve(HttpRequest.GET("/api/v1/opportunities/vacancies/matches").bearerAuth(officer(authority)),
                Argument.listOf(Map.class));
    }

    private String post(UUID authority, String uri, String body) {
        return (String) http.toBlocking().retrieve(HttpRequest.POST(uri, body == null ? "" : body)
                .contentType(MediaType.APPLICATION_JSON_TYPE).bearerAuth(officer(authority)), Map.class).get("id");
    }

    private Map<?, ?> get(UUID authority, String uri) {
        return http.toBlocking().retrieve(HttpRequest.GET(uri).bearerAuth(officer(authority)), Map.class);
    }

    private List<?> list(UUID authority, String uri) {
        return http.toBlocking().retrieve(HttpRequest.GET(uri).bearerAuth(officer(authority)), Argument.listOf(Map.class));
    }

    private String officer(UUID authority) {
        return tokens.forAuthority(authority, Roles.AUTHORITY_OFFICER);
    }

    private static HttpStatus status(Runnable call) {
        return assertThrows(HttpClientResponseException.class, call::run).getStatus();
    }
}
