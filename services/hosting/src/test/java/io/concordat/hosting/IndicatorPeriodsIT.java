package io.concordat.hosting;

import io.concordat.events.EventEnvelope;
import io.concordat.events.EventTypes;
import io.concordat.events.ReportingPeriod;
import io.concordat.kit.tenancy.Roles;
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
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.concordat.kit.testing.Councils.officer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Indicator readings report typed periods: a financial year, a quarter of one, or a month. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndicatorPeriodsIT implements TestPropertyProvider {

    private static final UUID GEDLING = UUID.randomUUID();
    private static final UUID RUSHCLIFFE = UUID.randomUUID();
    private static final UUID OUTSIDER = UUID.randomUUID();

    @Inject
    @Client("/")
    HttpClient http;

    private final TestTokens tokens = TestTokens.get();
    private String arrangement;
    private String indicator;

    @Override
    public Map<String, String> getProperties() {
        return ServiceTestProperties.of("hosting");
    }

    @BeforeAll
    void gedlingHostsRevenuesForRushcliffe() {
        TestDirectory.registerAuthorities("hosting", Map.of(GEDLING, "Gedling Borough Council", RUSHCLIFFE,
                "Rushcliffe Borough Council", OUTSIDER, "Outsider Council " + OUTSIDER));
        arrangement = (String) api().send(HttpMethod.POST, "/api/v1/hosting/arrangements", officer(GEDLING), """
                {"title":"Revenues and benefits","serviceArea":"support.exchequer","basis":"PERMANENT","startsOn":"2008-04-01",
                 "costAllocation":"BY_USAGE","recipients":[{"authorityId":"%s","joinedOn":"2008-04-01"}]}"""
                .formatted(RUSHCLIFFE)).get("id");
        api().send(HttpMethod.POST, base() + "/recipients/" + RUSHCLIFFE + "/accept", officer(RUSHCLIFFE), null);
        indicator = (String) api().send(HttpMethod.POST, base() + "/indicators", officer(GEDLING),
                "{\"name\":\"Days to process a new claim\",\"unit\":\"days\",\"direction\":\"LOWER_IS_BETTER\","
                        + "\"amberMargin\":3,\"targets\":{\"" + RUSHCLIFFE + "\":20}}").get("id");
    }

    @Test
    void aReadingsPeriodIsAYearQuarterOrMonthAndAnythingElseIsRefusedNamingTheFieldAndTheForms() {
        String before = readings();
        for (String period : List.of("2026-Q1", "Q2 2026/27", "2026/28", "last quarter", "1989/90", "9999-12")) {
            HttpClientResponseException refused = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                    .exchange(ApiCalls.request(HttpMethod.POST, base() + "/indicators/" + indicator + "/readings",
                            officer(GEDLING), reading(period, 21)), String.class), period);
            assertEquals(HttpStatus.BAD_REQUEST, refused.getStatus(), period);
            String problem = refused.getResponse().getBody(String.class).orElseThrow();
            assertTrue(problem.contains("urn:concordat:problem:invalid-period") && problem.contains("The period '")
                       && problem.contains(ReportingPeriod.ACCEPTED_FORMS), problem);
        }
        assertEquals(HttpStatus.BAD_REQUEST, api().status(HttpMethod.GET, base() + "/indicators?period=2026-Q1",
                officer(RUSHCLIFFE), null), "the query parameter takes the same periods");
        assertEquals(before, readings(), "a refused reading writes nothing");
    }

    @Test
    void aReadingCarriesItsPeriodsFirstAndLastDayAndIsOnePerPeriodHoweverItIsWritten() {
        api().send(HttpMethod.POST, base() + "/indicators/" + indicator + "/readings", officer(GEDLING),
                reading("2009/10 q1", 26));
        Map<?, ?> rated = api().send(HttpMethod.POST, base() + "/indicators/" + indicator + "/readings", officer(GEDLING),
                reading(" 2009/10 Q1 ", 19));
        assertEquals("2009/10 Q1", rated.get("period"), "the label is written one way");
        assertEquals("FINANCIAL_QUARTER 2009-04-01 2009-06-30 19", Superuser.query("hosting",
                "select period_kind || ' ' || period_first_day || ' ' || period_last_day || ' ' || value from reading "
                + "where indicator_id = '" + indicator + "' and period = '2009/10 Q1'"));
        assertEquals(1, Superuser.count("hosting", "select count(*) from reading where indicator_id = '" + indicator
                + "' and period_first_day = '2009-04-01'"), "a second reading for the period replaces the first");

        List<Map> ratings = api().list(base() + "/indicators?period=2009%2F10Q1", officer(RUSHCLIFFE));
        assertTrue(ratings.get(0).get("recipients").toString().contains("rating=GREEN"), ratings.toString());
        assertTrue(api().list(base() + "/indicators?period=2009-06", officer(RUSHCLIFFE)).get(0).get("recipients")
                .toString().contains("rating=MISSING"), "a month is not the quarter it falls in");

        List<EventEnvelope> reported = TestEvents.readAll(EventTypes.INDICATOR_REPORTED.topic(),
                e -> e.subject().equals(arrangement) && e.type().equals(EventTypes.INDICATOR_REPORTED.type()),
                Duration.ofSeconds(3));
        String last = new String(reported.get(reported.size() - 1).data(), StandardCharsets.UTF_8);
        assertTrue(last.contains("\"period\":\"2009/10 Q1\"") && last.contains("\"periodFirstDay\":\"2009-04-01\"")
                   && last.contains("\"periodLastDay\":\"2009-06-30\""), last);
    }

    @Test
    void anotherCouncilCanNeitherReportNorReadTheReadings() {
        String before = readings();
        String[] roles = {Roles.AUTHORITY_OFFICER, Roles.AUTHORITY_ADMIN, Roles.REGION_ADMIN};
        Map<String, String> wrong = Map.of("another authority", tokens.forAuthority(OUTSIDER, roles),
                "the recipient, which does not host", tokens.forAuthority(RUSHCLIFFE, roles),
                "a forged token", tokens.forged(GEDLING, roles));
        assertEquals(List.of(), api().leaks(wrong, List.of(new ApiCalls.Call(HttpMethod.POST,
                base() + "/indicators/" + indicator + "/readings", reading("2010/11", 1)))));
        assertEquals(HttpStatus.NOT_FOUND, api().status(HttpMethod.GET, base() + "/indicators?period=2010%2F11",
                tokens.forAuthority(OUTSIDER, roles), null));
        assertEquals(before, readings());
    }

    /** The migration read existing free-text periods with this function; it must read them as the shared type does. */
    @Test
    void freeTextPeriodsAreMovedForwardExactlyAsTheSharedTypeReadsThem() {
        for (String label : List.of("2026/27", "2026/27 Q1", "2026/27 q2", "2026/27Q3", "2026/27-Q4", " 2026-09 ",
                "2011-12", "2028-02", "1990/91 Q1", "2099/00", "2100-03", "2026-Q1", "2026-27", "Q2 2026/27", "2026/28",
                "2026-13", "1989/90", "2100-04", "0000/01", "9999-12", "probe-1700000000000-1", "")) {
            String sql = Superuser.query("hosting", "select kind || ' ' || first_day || ' ' || last_day || ' ' || canonical "
                    + "from hosting_reading_period('" + label + "')");
            String java = ReportingPeriod.read(label).map(p -> p.kind() + " " + p.firstDay() + " " + p.lastDay() + " "
                    + p.label()).orElse(null);
            assertEquals(java, sql, label);
        }
    }

    private static String reading(String period, int value) {
        return "{\"authorityId\":\"" + RUSHCLIFFE + "\",\"period\":\"" + period + "\",\"value\":" + value + "}";
    }

    private String readings() {
        return Superuser.query("hosting", "select count(*) || ':' || coalesce(string_agg(period || '=' || value, ',' "
                + "order by period), '') from reading where indicator_id = '" + indicator + "'");
    }

    private String base() {
        return "/api/v1/hosting/arrangements/" + arrangement;
    }

    private ApiCalls api() {
        return new ApiCalls(http);
    }
}
