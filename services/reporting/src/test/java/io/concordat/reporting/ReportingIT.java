package io.concordat.reporting;

import io.concordat.events.EventEnvelope;
import io.concordat.events.EventTypes;
import io.concordat.events.Topics;
import io.concordat.events.hosting.v1.IndicatorReported;
import io.concordat.events.opportunities.v1.OpportunityProposed;
import io.concordat.events.opportunities.v1.VacancyPosted;
import io.concordat.events.tenants.v1.AuthorityApproved;
import io.concordat.events.tenants.v1.AuthoritySuspended;
import io.concordat.events.tenants.v1.MembershipApproved;
import io.concordat.events.tenants.v1.MembershipEnded;
import io.concordat.kit.tenancy.Roles;
import io.concordat.kit.testing.ApiCalls;
import io.concordat.kit.testing.Eventually;
import io.concordat.kit.testing.ServiceTestProperties;
import io.concordat.kit.testing.Superuser;
import io.concordat.kit.testing.TestDirectory;
import io.concordat.kit.testing.TestEvents;
import io.concordat.kit.testing.TestTokens;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.concordat.kit.testing.Councils.officer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The seed scenarios (seed 002's two-council board, seed 003's procurement consortium) as their
 * services publish them, and the region dashboards they give, figure by figure.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReportingIT implements TestPropertyProvider {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    DataSource dataSource;

    @Inject
    MeterRegistry meters;

    private final SeedScenarios seeds = new SeedScenarios();
    private ApiCalls api;

    @Override
    public Map<String, String> getProperties() {
        return ServiceTestProperties.of("reporting");
    }

    @BeforeAll
    void seedsArePublished() {
        api = new ApiCalls(http);
        Map<UUID, String> names = new LinkedHashMap<>();
        names.put(seeds.bromsgrove, "Bromsgrove District Council");
        names.put(seeds.redditch, "Redditch Borough Council");
        names.put(seeds.bolsover, "Bolsover District Council");
        names.put(seeds.northEastDerbyshire, "North East Derbyshire District Council");
        names.put(seeds.chesterfield, "Chesterfield Borough Council");
        names.put(seeds.bassetlaw, "Bassetlaw District Council");
        names.put(seeds.royalHospital, "Chesterfield Royal Hospital NHS Foundation Trust");
        names.put(seeds.gedling, "Gedling Borough Council");
        names.put(seeds.rushcliffe, "Rushcliffe Borough Council");
        names.put(seeds.broxtowe, "Broxtowe Borough Council");
        TestDirectory.registerAuthorities("reporting", names);
        // recorded as they were: the alliance's concordat is from 2008, the other partnerships older still
        TestDirectory.createRegion("reporting", seeds.alliance, "Bromsgrove and Redditch Strategic Alliance",
                List.of(seeds.bromsgrove, seeds.redditch), LocalDate.parse("2008-01-01"));
        TestDirectory.createRegion("reporting", seeds.derbyshire, "North Derbyshire and Bassetlaw partners",
                List.of(seeds.bolsover, seeds.northEastDerbyshire, seeds.chesterfield, seeds.bassetlaw, seeds.royalHospital),
                LocalDate.parse("2005-04-01"));
        TestDirectory.createRegion("reporting", seeds.southNottinghamshire, "South Nottinghamshire partners",
                List.of(seeds.gedling, seeds.rushcliffe, seeds.broxtowe), LocalDate.parse("2004-04-01"));
        seeds.sharedServicesBoard();
        seeds.procurementConsortium();
        seeds.dissolvedPartnership();
        Eventually.until("every seed event applied", WAIT, () -> Superuser.count("reporting",
                "select count(*) from processed_event where event_id in (" + ids(seeds.published) + ")")
                == seeds.published.size());
    }

    @Test
    @Order(1)
    void theAllianceDashboardShowsTheSharedServicesBoardsWorkExactly() {
        Map<?, ?> d = dashboard(seeds.alliance, viewer(seeds.bromsgrove), "2010-05-15");

        assertEquals("Bromsgrove and Redditch Strategic Alliance", d.get("name"));
        Map<?, ?> pipeline = (Map<?, ?>) d.get("pipeline");
        assertEquals(2, number(pipeline.get("total")));
        assertEquals(Map.of("DECIDED", 1, "IN_PRINCIPLE", 1), pipeline.get("byStage"));
        assertEquals(Map.of("support", 2), pipeline.get("byTheme"));
        assertEquals(Map.of("JOINT_PROVISION_WITH_HOST", 1, "SHARED_POST", 1), pipeline.get("byModel"));
        assertEquals(Map.of("QUICK_WIN", 1, "MEDIUM_TERM", 1), pipeline.get("byHorizon"));

        Map<?, ?> arrangements = (Map<?, ?>) d.get("arrangements");
        assertEquals(1, number(arrangements.get("total")));
        assertEquals(1, number(arrangements.get("active")));
        assertEquals(List.of(Map.of("key", seeds.redditch.toString(), "name", "Redditch Borough Council", "count", 1)),
                arrangements.get("byHost"));
        assertEquals(List.of(Map.of("key", "support.payroll", "name", "Payroll", "count", 1)),
                arrangements.get("byServiceArea"));

        Map<?, ?> sharing = (Map<?, ?>) d.get("sharing");
        assertEquals(List.of(
                Map.of("authorityId", seeds.bromsgrove.toString(), "name", "Bromsgrove District Council", "hosts", 0, "receives", 1),
                Map.of("authorityId", seeds.redditch.toString(), "name", "Redditch Borough Council", "hosts", 1, "receives", 0)),
                sharing.get("authorities"));
        assertEquals(1, ((List<?>) sharing.get("links")).size());

        Map<?, ?> savings = (Map<?, ?>) d.get("savings");
        assertEquals(8_000_000, number(savings.get("projectedPence")), "the second business case replaced the first");
        assertEquals(3_850_000, number(savings.get("realisedPence")), "the later ledger figure replaced the earlier");
        assertEquals(List.of(
                Map.of("financialYear", "2009/10", "projectedPence", 4_000_000, "realisedPence", 3_850_000),
                Map.of("financialYear", "2010/11", "projectedPence", 4_000_000, "realisedPence", 0)),
                savings.get("byFinancialYear"));

        Map<?, ?> indicators = (Map<?, ?>) d.get("indicators");
        assertEquals(List.of(0L, 0L, 1L), List.of(number(indicators.get("red")), number(indicators.get("amber")),
                number(indicators.get("green"))), "the latest period's rating counts: amber in Q4, green in Q1");
        assertEquals(List.of(), indicators.get("attention"));

        List<?> upcoming = (List<?>) d.get("upcoming");
        assertEquals(1, upcoming.size());
        assertEquals("REVIEW", ((Map<?, ?>) upcoming.get(0)).get("kind"));
        assertEquals("2010-08-01", ((Map<?, ?>) upcoming.get(0)).get("on"));

        Map<?, ?> vacancies = (Map<?, ?>) d.get("vacancies");
        assertEquals(1, number(vacancies.get("open")));
        assertEquals(List.of(Map.of("key", "support.elections", "name", "Elections and electoral registration", "count", 1)),
                vacancies.get("byServiceArea"));
        assertEquals(0, number(((Map<?, ?>) dashboard(seeds.alliance, viewer(seeds.redditch), "2010-07-01")
                .get("vacancies")).get("open")), "closed on 30 June");
        assertEquals(2, number(((Map<?, ?>) dashboard(seeds.alliance, viewer(seeds.redditch), "2010-05-09")
                .get("vacancies")).get("open")), "the head of finance post is open until it is filled on 10 May");
    }

    @Test
    @Order(2)
    void theDerbyshireDashboardShowsTheProcurementConsortiumExactly() {
        Map<?, ?> d = dashboard(seeds.derbyshire, viewer(seeds.bolsover), "2019-01-15");

        assertEquals(0, number(((Map<?, ?>) d.get("pipeline")).get("total")));
        Map<?, ?> arrangements = (Map<?, ?>) d.get("arrangements");
        assertEquals(1, number(arrangements.get("total")), "the terminated consortium no longer counts");
        assertEquals(List.of(Map.of("key", seeds.royalHospital.toString(),
                "name", "Chesterfield Royal Hospital NHS Foundation Trust", "count", 1)), arrangements.get("byHost"));

        Map<?, ?> sharing = (Map<?, ?>) d.get("sharing");
        assertEquals(List.of(
                Map.of("authorityId", seeds.bolsover.toString(), "name", "Bolsover District Council", "hosts", 0, "receives", 1),
                Map.of("authorityId", seeds.royalHospital.toString(), "name", "Chesterfield Royal Hospital NHS Foundation Trust",
                        "hosts", 1, "receives", 0),
                Map.of("authorityId", seeds.northEastDerbyshire.toString(), "name", "North East Derbyshire District Council",
                        "hosts", 0, "receives", 1)),
                sharing.get("authorities"));

        Map<?, ?> savings = (Map<?, ?>) d.get("savings");
        assertEquals(0, number(savings.get("projectedPence")));
        assertEquals(2_500_000, number(savings.get("realisedPence")));
        assertEquals(List.of(
                Map.of("authorityId", seeds.bolsover.toString(), "name", "Bolsover District Council",
                        "financialYear", "2014/15", "projectedPence", 0, "realisedPence", 1_500_000),
                Map.of("authorityId", seeds.northEastDerbyshire.toString(), "name", "North East Derbyshire District Council",
                        "financialYear", "2014/15", "projectedPence", 0, "realisedPence", 1_000_000)),
                savings.get("byAuthority"));

        Map<?, ?> indicators = (Map<?, ?>) d.get("indicators");
        assertEquals(List.of(1L, 1L, 0L), List.of(number(indicators.get("red")), number(indicators.get("amber")),
                number(indicators.get("green"))));
        List<?> attention = (List<?>) indicators.get("attention");
        assertEquals(List.of("RED", "AMBER"), attention.stream().map(a -> ((Map<?, ?>) a).get("rating")).toList());
        assertEquals("North East Derbyshire District Council", ((Map<?, ?>) attention.get(0)).get("recipientName"));

        List<?> upcoming = (List<?>) d.get("upcoming");
        assertEquals(List.of("REVIEW 2019-02-01", "CONTRACT_END 2019-03-31"), upcoming.stream()
                .map(u -> ((Map<?, ?>) u).get("kind") + " " + ((Map<?, ?>) u).get("on")).toList(),
                "the completed annual review is not listed; the fixed term ends within 90 days");

        assertEquals(1, number(((Map<?, ?>) d.get("vacancies")).get("open")));

        Map<?, ?> page = api.send(HttpMethod.GET, "/api/v1/reporting/regions/" + seeds.derbyshire
                + "/arrangements?status=TERMINATED", viewer(seeds.bolsover), null);
        assertEquals(1, number(page.get("totalSize")));
        Map<?, ?> consortium = (Map<?, ?>) ((List<?>) page.get("content")).get(0);
        assertEquals("Bassetlaw District Council", consortium.get("hostName"), "the host after the transfer");
        assertEquals(List.of(), consortium.get("recipientNames"),
                "terminated on 31 March 2014, it has no current recipients (who received it then: see the board report)");
    }

    @Test
    @Order(3)
    void anAuthoritySeesItsOwnFiguresAndTheNationSeesEveryonesToPlatformAdminsOnly() {
        Map<?, ?> bolsover = api.send(HttpMethod.GET, "/api/v1/reporting/authorities/" + seeds.bolsover
                + "/dashboard?on=2019-01-15", officer(seeds.bolsover), null);
        assertEquals(1, number(((Map<?, ?>) bolsover.get("arrangements")).get("total")),
                "Bolsover takes part in the hospital's arrangement (the consortium it left is terminated)");
        assertEquals(1_500_000, number(((Map<?, ?>) bolsover.get("savings")).get("realisedPence")),
                "its own savings only, not North East Derbyshire's");

        Map<?, ?> national = api.send(HttpMethod.GET, "/api/v1/reporting/national/dashboard?on=2019-01-15",
                TestTokens.get().withoutAuthority(Roles.PLATFORM_ADMIN), null);
        assertTrue(number(((Map<?, ?>) national.get("savings")).get("realisedPence")) >= 3_850_000 + 2_500_000);
        assertEquals(HttpStatus.FORBIDDEN, api.status(HttpMethod.GET, "/api/v1/reporting/national/dashboard",
                officer(seeds.bolsover), null));
    }

    @Test
    @Order(3)
    void theBoardReportGivesTheQuartersActivityIndicatorsMoneyDecisionsAndWhatComesNextWithCharts() throws Exception {
        String path = "/api/v1/reporting/regions/" + seeds.alliance + "/board-reports/2009-10/Q1";
        HttpResponse<String> html = http.toBlocking().exchange(ApiCalls.request(HttpMethod.GET, path, viewer(seeds.redditch),
                null), String.class);
        assertTrue(html.getContentType().orElseThrow().toString().startsWith("text/html"));
        String page = html.body();
        assertTrue(page.contains("Quarter 1, 2009/10 (April to June 2009)"), "the quarter in words");
        for (String decision : List.of("16 April 2009", "Recommended", "5 for, 1 against", "6 May 2009", "CAB/09/41",
                "12 May 2009", "EXE/09/112")) {
            assertTrue(page.contains(decision), "decisions taken: " + decision);
        }
        assertTrue(page.contains("data:image/png;base64,"), "the charts are drawn");
        assertFalse(page.contains("Procurement"), "nothing of another region");

        HttpResponse<byte[]> pdf = http.toBlocking().exchange(ApiCalls.request(HttpMethod.GET, path + "?format=pdf",
                viewer(seeds.redditch), null), byte[].class);
        assertEquals("application/pdf", pdf.getContentType().orElseThrow().toString());
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains("Bromsgrove and Redditch Strategic Alliance"));
            assertTrue(text.contains("Decisions taken") && text.contains("What comes next"));
            assertTrue(document.getPage(0).getResources().getXObjectNames().iterator().hasNext()
                       || document.getNumberOfPages() > 1, "the PDF carries the chart images");
        }
        assertEquals(HttpStatus.BAD_REQUEST, api.status(HttpMethod.GET, "/api/v1/reporting/regions/" + seeds.alliance
                + "/board-reports/2009-11/Q1", viewer(seeds.redditch), null));
        assertEquals(HttpStatus.BAD_REQUEST, api.status(HttpMethod.GET, path + "?format=docx", viewer(seeds.redditch), null));
    }

    @Test
    @Order(3)
    void openDataIsCsvAndJsonWithStableColumnsPoundsAndIsoDates() {
        String base = "/api/v1/reporting/regions/" + seeds.derbyshire + "/open-data/";
        HttpResponse<byte[]> csv = http.toBlocking().exchange(ApiCalls.request(HttpMethod.GET, base + "savings.csv",
                viewer(seeds.bolsover), null), byte[].class);
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFF"), "a byte order mark so spreadsheets read UTF-8");
        List<String> lines = text.substring(1).lines().toList();
        assertEquals("arrangement_id,arrangement_title,service_area_code,authority_name,authority_gss_code,financial_year,"
                     + "baseline_gbp,cost_gbp,saving_gbp", lines.get(0));
        assertEquals(3, lines.size());
        assertTrue(lines.get(1).endsWith(",2014/15,65000.00,50000.00,15000.00"), lines.get(1));
        assertTrue(csv.getHeaders().get("Link").contains("open-government-licence/version/3"));

        Map<?, ?> json = api.send(HttpMethod.GET, base + "arrangements.json", viewer(seeds.bolsover), null);
        assertEquals("Open Government Licence v3.0", json.get("licence"));
        List<?> rows = (List<?>) json.get("rows");
        assertEquals(2, rows.size(), "the consortium (terminated) and the hospital's arrangement");
        Map<?, ?> hospital = (Map<?, ?>) rows.get(0);
        assertEquals("Joint procurement with Chesterfield Royal Hospital", hospital.get("title"));
        assertEquals("2019-03-31", hospital.get("ends_on"));
        assertEquals("Bolsover District Council; North East Derbyshire District Council", hospital.get("recipient_names"));
        assertEquals(HttpStatus.NOT_FOUND, api.status(HttpMethod.GET, base + "passwords.csv", viewer(seeds.bolsover), null));
    }

    @Test
    @Order(4)
    void aViewerOfOneRegionNeverSeesAnotherRegionsFigures() {
        String alliance = "/api/v1/reporting/regions/" + seeds.alliance;
        String derbyshire = "/api/v1/reporting/regions/" + seeds.derbyshire;
        List<ApiCalls.Call> derbyshireCalls = List.of(
                new ApiCalls.Call(HttpMethod.GET, derbyshire + "/dashboard", null),
                new ApiCalls.Call(HttpMethod.GET, derbyshire + "/arrangements", null),
                new ApiCalls.Call(HttpMethod.GET, derbyshire + "/opportunities", null),
                new ApiCalls.Call(HttpMethod.GET, derbyshire + "/board-reports/2018-19/Q4", null),
                new ApiCalls.Call(HttpMethod.GET, derbyshire + "/board-reports/2018-19/Q4?format=pdf", null),
                new ApiCalls.Call(HttpMethod.GET, derbyshire + "/open-data/arrangements.csv", null),
                new ApiCalls.Call(HttpMethod.GET, derbyshire + "/open-data/savings.json", null),
                new ApiCalls.Call(HttpMethod.GET, "/api/v1/reporting/authorities/" + seeds.bolsover + "/dashboard", null),
                new ApiCalls.Call(HttpMethod.GET, "/api/v1/reporting/national/dashboard", null),
                new ApiCalls.Call(HttpMethod.GET, "/api/v1/reporting/read-models", null),
                new ApiCalls.Call(HttpMethod.POST, "/api/v1/reporting/read-models/rebuild", "{}"));
        Map<String, String> wrongTokens = Map.of(
                "an alliance viewer", viewer(seeds.bromsgrove),
                "an alliance region admin with every role", TestTokens.get().forAuthority(seeds.redditch,
                        Roles.REGION_ADMIN, Roles.REGIONAL_VIEWER, Roles.AUTHORITY_ADMIN, Roles.AUTHORITY_OFFICER,
                        Roles.BOARD_MEMBER),
                "a forged token", TestTokens.get().forged(seeds.bolsover, Roles.REGIONAL_VIEWER),
                "an edited authority claim", TestTokens.get().tampered(seeds.bromsgrove, seeds.bolsover,
                        Roles.REGIONAL_VIEWER));
        assertEquals(List.of(), api.leaks(wrongTokens, derbyshireCalls));

        Map<?, ?> allianceSeen = api.send(HttpMethod.GET, alliance + "/dashboard?on=2019-01-15", viewer(seeds.bromsgrove), null);
        assertFalse(allianceSeen.toString().contains(seeds.royalHospital.toString()));
        assertFalse(allianceSeen.toString().contains(seeds.bolsover.toString()));
        assertEquals(1, number(api.send(HttpMethod.GET, alliance + "/arrangements?theme=support",
                officer(seeds.bromsgrove), null).get("totalSize")), "only the payroll service");

        assertEquals(0, countWithoutTenant("rpt_arrangement") + countWithoutTenant("rpt_saving")
                        + countWithoutTenant("rpt_indicator_latest") + countWithoutTenant("rpt_opportunity"),
                "row-level security shows a connection with no tenant nothing");
        assertEquals(HttpStatus.BAD_REQUEST, api.status(HttpMethod.GET, alliance + "/opportunities?stage=decided;drop",
                viewer(seeds.bromsgrove), null));
        assertEquals(HttpStatus.BAD_REQUEST, api.status(HttpMethod.GET, alliance + "/dashboard?on=yesterday",
                viewer(seeds.bromsgrove), null));
    }

    @Test
    @Order(5)
    void aPoisonRecordIsDeadLetteredAndTheEventsBehindItStillArrive() {
        UUID chorley = UUID.randomUUID();
        EventEnvelope poison = new EventEnvelope(UUID.randomUUID(), "/concordat/test", EventTypes.OPPORTUNITY_PROPOSED.type(),
                OffsetDateTime.now(ZoneOffset.UTC), UUID.randomUUID().toString(), chorley, List.of(),
                "{\"title\": 42".getBytes(StandardCharsets.UTF_8));
        TestEvents.publish(Topics.OPPORTUNITIES, poison);
        UUID id = UUID.randomUUID();
        TestEvents.publish(EventTypes.OPPORTUNITY_PROPOSED, id.toString(), chorley, new OpportunityProposed(id, chorley,
                "Health and safety cover from Bolton", "support.health-and-safety", null, List.of(), "someone",
                Instant.now(), "BUY_UNDER_SLA", "QUICK_WIN"));

        Eventually.until("the good event behind the poison counted", WAIT, () -> number(api.send(HttpMethod.GET,
                "/api/v1/reporting/pipeline", officer(chorley), null).get("total")) == 1);
        assertEquals(1, TestEvents.readAll(Topics.deadLetter(Topics.OPPORTUNITIES), e -> e.id().equals(poison.id()),
                Duration.ofSeconds(3)).size());
    }

    @Test
    @Order(6)
    void rebuildingFromOffsetZeroAndConsumingEverythingTwiceLeaveTheSameFigures() {
        String platform = TestTokens.get().withoutAuthority(Roles.PLATFORM_ADMIN);
        // the figures before are of every event on the topics, other suites' included
        Eventually.until("the consumer caught up with every topic", Duration.ofMinutes(5), () -> {
            var lags = meters.find("concordat.consumer.lag").gauges();
            return !lags.isEmpty() && lags.stream().allMatch(g -> g.value() == 0);
        });
        Map<?, ?> before = api.send(HttpMethod.GET, "/api/v1/reporting/read-models", platform, null);
        List<?> fingerprints = (List<?>) before.get("tables");
        String startedBefore = String.valueOf(((Map<?, ?>) before.get("build")).get("startedAt"));

        assertEquals(HttpStatus.ACCEPTED, api.status(HttpMethod.POST, "/api/v1/reporting/read-models/rebuild", platform, "{}"));
        Eventually.until("the rebuild caught up", WAIT, () -> {
            Map<?, ?> status = api.send(HttpMethod.GET, "/api/v1/reporting/read-models", platform, null);
            Map<?, ?> build = (Map<?, ?>) status.get("build");
            return !Boolean.TRUE.equals(status.get("rebuilding")) && build.get("finishedAt") != null
                   && !String.valueOf(build.get("startedAt")).equals(startedBefore);
        });
        assertEquals(fingerprints, api.send(HttpMethod.GET, "/api/v1/reporting/read-models", platform, null).get("tables"),
                "every table's rows and digest after the rebuild");
        assertNotEquals(0, number(((Map<?, ?>) fingerprints.get(3)).get("rows")), "the opportunities were rebuilt");

        double duplicatesBefore = meters.counter("concordat.consumer.duplicates").count();
        seeds.published.forEach(event -> TestEvents.publish(topicOf(event), event));
        Eventually.until("every seed event delivered again", WAIT, () ->
                meters.counter("concordat.consumer.duplicates").count() - duplicatesBefore >= seeds.published.size());
        assertEquals(fingerprints, api.send(HttpMethod.GET, "/api/v1/reporting/read-models", platform, null).get("tables"),
                "delivering every event a second time changes nothing");
    }

    @Test
    @Order(7)
    void aSuspendedCouncilStaysSuspendedThroughARebuildAndAnApprovalDeliveredLate() {
        Instant suspendedAt = Instant.now();
        EventEnvelope suspension = TestEvents.publish(EventTypes.AUTHORITY_SUSPENDED, seeds.broxtowe.toString(),
                EventEnvelope.PLATFORM, new AuthoritySuspended(seeds.broxtowe, "Audit of its accounts", "platform", suspendedAt));
        Eventually.until("the suspension applied", WAIT, () -> Superuser.count("reporting",
                "select count(*) from processed_event where event_id = '" + suspension.id() + "'") == 1);
        assertEquals(HttpStatus.FORBIDDEN, api.status(HttpMethod.GET, "/api/v1/reporting/pipeline", officer(seeds.broxtowe), null));

        String platform = TestTokens.get().withoutAuthority(Roles.PLATFORM_ADMIN);
        assertEquals(HttpStatus.ACCEPTED, api.status(HttpMethod.POST, "/api/v1/reporting/read-models/rebuild", platform, "{}"));
        Eventually.until("the rebuild caught up", WAIT, () -> {
            Map<?, ?> status = api.send(HttpMethod.GET, "/api/v1/reporting/read-models", platform, null);
            return !Boolean.TRUE.equals(status.get("rebuilding")) && ((Map<?, ?>) status.get("build")).get("finishedAt") != null;
        });
        EventEnvelope lateApproval = TestEvents.publish(EventTypes.AUTHORITY_APPROVED, seeds.broxtowe.toString(),
                EventEnvelope.PLATFORM, new AuthorityApproved(seeds.broxtowe, "org-broxtowe", "platform",
                        suspendedAt.minusSeconds(3600)));
        Eventually.until("the late approval delivered", WAIT, () -> Superuser.count("reporting",
                "select count(*) from processed_event where event_id = '" + lateApproval.id() + "'") == 1);

        assertEquals("SUSPENDED", Superuser.query("reporting", "select status from known_authority where id = '"
                + seeds.broxtowe + "'"), "an approval older than the suspension does not undo it");
        assertEquals(HttpStatus.FORBIDDEN, api.status(HttpMethod.GET, "/api/v1/reporting/pipeline", officer(seeds.broxtowe), null));
    }

    @Test
    @Order(3)
    void aBackFilledReadingAppearsInTheQuarterItReportsAndNotInTheQuarterItWasEntered() {
        UUID accuracy = UUID.randomUUID();
        EventEnvelope backFilled = TestEvents.publish(EventTypes.INDICATOR_REPORTED, seeds.payrollService.toString(),
                seeds.redditch, new IndicatorReported(seeds.payrollService, accuracy, "Payslips on time (%)", seeds.bromsgrove,
                        "2009/10 Q3", new BigDecimal("91.0"), new BigDecimal("99.0"), "RED", Instant.now(),
                        LocalDate.parse("2009-10-01"), LocalDate.parse("2009-12-31")));
        Eventually.until("the back-filled reading applied", WAIT, () -> Superuser.count("reporting",
                "select count(*) from processed_event where event_id = '" + backFilled.id() + "'") == 1);

        String reports = "/api/v1/reporting/regions/" + seeds.alliance + "/board-reports/";
        String itsQuarter = html(reports + "2009-10/Q3", viewer(seeds.redditch));
        assertTrue(itsQuarter.contains("Payslips on time (%)") && itsQuarter.contains("2009/10 Q3"),
                "filed under the quarter it reports");
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/London"));
        int startYear = today.getMonthValue() >= 4 ? today.getYear() : today.getYear() - 1;
        String now = "%d-%02d/Q%d".formatted(startYear, (startYear + 1) % 100, (today.getMonthValue() + 8) % 12 / 3 + 1);
        assertFalse(html(reports + now, viewer(seeds.redditch)).contains("Payslips on time (%)"),
                "not in " + now + ", when it was entered");

        Map<?, ?> indicators = (Map<?, ?>) dashboard(seeds.alliance, viewer(seeds.bromsgrove), "2010-05-15").get("indicators");
        assertEquals(1, number(indicators.get("red")), "its indicator's only reading is red");
        String olderReadings = html(reports + "2009-10/Q4", viewer(seeds.redditch));
        assertTrue(olderReadings.contains("2009-Q4") && olderReadings.contains("98.1"),
                "a reading published before periods had days is still filed by when it was reported");
    }

    @Test
    @Order(3)
    void aRegionsVacanciesAreThoseOfTheCouncilsThatWereItsMembersOnTheDayAsked() {
        UUID region = UUID.randomUUID();
        TestDirectory.createRegion("reporting", region, "Nottinghamshire shared posts", List.of(seeds.gedling),
                LocalDate.parse("2015-04-01"));
        List<EventEnvelope> sent = List.of(
                TestEvents.publish(EventTypes.MEMBERSHIP_APPROVED, region.toString(), EventEnvelope.PLATFORM,
                        new MembershipApproved(UUID.randomUUID(), region, seeds.rushcliffe, LocalDate.parse("2017-06-01"),
                                "platform", Instant.now())),
                TestEvents.publish(EventTypes.MEMBERSHIP_ENDED, region.toString(), EventEnvelope.PLATFORM,
                        new MembershipEnded(region, seeds.gedling, LocalDate.parse("2019-04-01"), "platform", Instant.now())),
                vacancy(seeds.gedling, "Gedling's Building Control Manager", "2015-05-01"),
                vacancy(seeds.rushcliffe, "Rushcliffe's Building Control Manager", "2017-07-01"));
        Eventually.until("the memberships and vacancies applied", WAIT, () -> Superuser.count("reporting",
                "select count(*) from processed_event where event_id in (" + ids(sent) + ")") == sent.size());

        String rushcliffe = viewer(seeds.rushcliffe);
        assertEquals(List.of(1L, 2L, 1L), List.of("2016-01-01", "2018-01-01", "2020-01-01").stream()
                .map(on -> number(((Map<?, ?>) dashboard(region, rushcliffe, on).get("vacancies")).get("open"))).toList(),
                "Gedling's post alone before Rushcliffe joined, both while both were members, Rushcliffe's after Gedling left");
    }

    private static EventEnvelope vacancy(UUID authority, String title, String postedOn) {
        UUID id = UUID.randomUUID();
        return TestEvents.publish(EventTypes.VACANCY_POSTED, id.toString(), authority, new VacancyPosted(id, authority, title,
                "environment", "Grade 10", LocalDate.parse("2030-03-31"), Instant.parse(postedOn + "T09:00:00Z")));
    }

    @Test
    @Order(3)
    void aTerminatedArrangementsRecipientsLeaveOnItsExitDateAndOpenDataGivesTheExitAndItsReason() {
        assertEquals("2020-03-31 2020-03-31", Superuser.query("reporting", "select string_agg(left_on::text, ' ' "
                + "order by authority_id) from rpt_recipient where arrangement_id = '" + seeds.sharedLegal + "'"),
                "Rushcliffe by the termination, Broxtowe by its own leaving on the same day, in either order");
        assertEquals("2013-06-30", Superuser.query("reporting", "select left_on from rpt_recipient where arrangement_id = '"
                + seeds.oldConsortium + "' and authority_id = '" + seeds.chesterfield + "'"), "an earlier leaver keeps its date");

        String base = "/api/v1/reporting/regions/" + seeds.southNottinghamshire + "/open-data/";
        Map<?, ?> json = api.send(HttpMethod.GET, base + "arrangements.json", viewer(seeds.rushcliffe), null);
        List<?> columns = (List<?>) json.get("columns");
        assertEquals(List.of("agreed_on", "exit_on", "termination_reason"), columns.subList(columns.size() - 3, columns.size()),
                "added at the end");
        Map<?, ?> legal = (Map<?, ?>) ((List<?>) json.get("rows")).get(0);
        assertEquals("TERMINATED", legal.get("status"));
        assertEquals("2020-03-31", legal.get("exit_on"));
        assertEquals("Each council brings legal services back in house", legal.get("termination_reason"));
        assertEquals("", legal.get("recipient_names"), "no one receives it now");
        String csv = html(base + "arrangements.csv", viewer(seeds.rushcliffe));
        assertTrue(csv.lines().findFirst().orElseThrow().endsWith(",agreed_on,exit_on,termination_reason"), csv);
        assertTrue(csv.contains(",2020-03-31,Each council brings legal services back in house"), csv);

        Map<?, ?> running = (Map<?, ?>) ((List<?>) api.send(HttpMethod.GET, "/api/v1/reporting/regions/" + seeds.derbyshire
                + "/open-data/arrangements.json", viewer(seeds.bolsover), null).get("rows")).get(0);
        assertEquals(java.util.Arrays.asList(null, null), java.util.Arrays.asList(running.get("exit_on"),
                running.get("termination_reason")), "a running arrangement has neither");

        String lastQuarter = html("/api/v1/reporting/regions/" + seeds.derbyshire + "/board-reports/2013-14/Q4",
                viewer(seeds.bolsover));
        assertTrue(lastQuarter.contains("Bolsover District Council") && lastQuarter.contains("North East Derbyshire"),
                "the consortium's last quarter lists who received it to the end");
        assertFalse(lastQuarter.contains("Chesterfield Borough Council"), "Chesterfield left in 2013");
    }

    @Test
    @Order(3)
    void aDayOutsideTheYearsReportedOnIsRefusedNamingTheParameterOnEveryEndpointThatTakesIt() {
        String platform = TestTokens.get().withoutAuthority(Roles.PLATFORM_ADMIN);
        Map<String, String> endpoints = Map.of(
                "/api/v1/reporting/regions/" + seeds.alliance + "/dashboard", viewer(seeds.bromsgrove),
                "/api/v1/reporting/authorities/" + seeds.bromsgrove + "/dashboard", officer(seeds.bromsgrove),
                "/api/v1/reporting/national/dashboard", platform);
        endpoints.forEach((path, token) -> {
            for (String on : List.of("%2B999999999-12-31", "9999-12-31", "2100-04-01", "1990-03-31", "0001-01-01")) {
                io.micronaut.http.client.exceptions.HttpClientResponseException refused = org.junit.jupiter.api.Assertions
                        .assertThrows(io.micronaut.http.client.exceptions.HttpClientResponseException.class,
                                () -> api.send(HttpMethod.GET, path + "?on=" + on, token, null), path + " on=" + on);
                assertEquals(HttpStatus.BAD_REQUEST, refused.getStatus(), path + " on=" + on);
                String problem = refused.getResponse().getBody(String.class).orElseThrow();
                assertTrue(problem.contains("\"parameter\":\"on\"") && problem.contains("1990-04-01")
                           && problem.contains("2100-03-31"), problem);
            }
            for (String on : List.of("1990-04-01", "2100-03-31")) {
                assertEquals(HttpStatus.OK, api.status(HttpMethod.GET, path + "?on=" + on, token, null), path + " on=" + on);
            }
        });
    }

    private String html(String path, String token) {
        return new String(http.toBlocking().exchange(ApiCalls.request(HttpMethod.GET, path, token, null), byte[].class)
                .body(), StandardCharsets.UTF_8);
    }

    private Map<?, ?> dashboard(UUID region, String token, String on) {
        return api.send(HttpMethod.GET, "/api/v1/reporting/regions/" + region + "/dashboard?on=" + on, token, null);
    }

    private static String viewer(UUID authority) {
        return TestTokens.get().forAuthority(authority, Roles.REGIONAL_VIEWER);
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    private static String topicOf(EventEnvelope event) {
        return EventTypes.byType(event.type()).orElseThrow().topic();
    }

    private static String ids(List<EventEnvelope> events) {
        return String.join(",", events.stream().map(e -> "'" + e.id() + "'").toList());
    }

    private long countWithoutTenant(String table) {
        try (Connection connection = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             ResultSet rs = connection.createStatement().executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
