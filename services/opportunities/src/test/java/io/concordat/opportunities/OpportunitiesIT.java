package io.concordat.opportunities;

import io.concordat.events.EventEnvelope;
import io.concordat.events.EventTypes;
import io.concordat.events.Topics;
import io.concordat.events.tenants.v1.AuthorityRegistered;
import io.concordat.kit.security.VerifiedTokens;
import io.concordat.kit.tenancy.Roles;
import io.concordat.kit.testing.ApiCalls;
import io.concordat.kit.testing.Eventually;
import io.concordat.kit.testing.ServiceTestProperties;
import io.concordat.kit.testing.Superuser;
import io.concordat.kit.testing.TestEvents;
import io.concordat.kit.testing.TestServers;
import io.concordat.kit.testing.TestTokens;
import io.micronaut.core.type.Argument;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;
import io.micronaut.security.token.validator.TokenValidator;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.concordat.kit.testing.Councils.officer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpportunitiesIT implements TestPropertyProvider {

    private static final UUID BROMSGROVE = UUID.randomUUID();
    private static final UUID REDDITCH = UUID.randomUUID();

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    DataSource dataSource;

    @Inject
    JsonMapper json;

    @Inject
    List<TokenValidator<?>> validators;

    private final TestTokens tokens = TestTokens.get();

    @Override
    public Map<String, String> getProperties() {
        return ServiceTestProperties.of("opportunities");
    }

    @BeforeAll
    void authoritiesAreRegistered() {
        register(BROMSGROVE, "Bromsgrove District Council", "E07000234");
        register(REDDITCH, "Redditch Borough Council", "E07000236");
        Eventually.until("both authorities known to the opportunities service", Duration.ofSeconds(60),
                () -> count("select count(*) from known_authority where id in ('" + BROMSGROVE + "','" + REDDITCH + "')") == 2);
    }

    @Test
    void proposingWritesTheOpportunityAndPublishesItsEventOnce() {
        HttpResponse<Map> response = propose(officer(BROMSGROVE), """
                {"title":"Shared elections service","serviceArea":"support.elections",
                 "description":"Share one elections team with Redditch instead of recruiting."}""");

        assertEquals(HttpStatus.CREATED, response.getStatus());
        String id = (String) response.body().get("id");
        assertEquals("IDEA", response.body().get("stage"));
        assertEquals("/api/v1/opportunities/" + id, response.header("Location"));

        List<EventEnvelope> events = TestEvents.readAll(Topics.OPPORTUNITIES, e -> e.subject().equals(id),
                Duration.ofSeconds(6));
        assertEquals(1, events.size(), "one OpportunityProposed for the proposal");
        assertEquals(EventTypes.OPPORTUNITY_PROPOSED.type(), events.get(0).type());
        assertEquals(BROMSGROVE, events.get(0).authorityId());
    }

    @Test
    void anotherAuthorityCannotReadOrListTheOpportunity() {
        String id = (String) propose(officer(BROMSGROVE), """
                {"title":"Joint payroll","serviceArea":"support.payroll"}""").body().get("id");

        HttpClientResponseException notFound = assertThrows(HttpClientResponseException.class,
                () -> api().exchange(HttpMethod.GET, "/api/v1/opportunities/" + id, officer(REDDITCH), null));
        assertEquals(HttpStatus.NOT_FOUND, notFound.getStatus());
        assertProblem(notFound);

        Map<?, ?> page = api().get("/api/v1/opportunities?size=100", officer(REDDITCH));
        assertTrue(((List<?>) page.get("content")).stream().noneMatch(o -> id.equals(((Map<?, ?>) o).get("id"))));

        Map<?, ?> own = api().get("/api/v1/opportunities/" + id, officer(BROMSGROVE));
        assertEquals("Joint payroll", ((Map<?, ?>) own.get("opportunity")).get("title"));
    }

    @Test
    void aTokenThatIsMissingExpiredForeignForgedOrTamperedGets401() {
        String body = "{\"title\":\"x\",\"serviceArea\":\"support.hr\"}";
        List<String> badTokens = List.of(
                tokens.expired(BROMSGROVE, Roles.AUTHORITY_OFFICER),
                tokens.fromAnotherIssuer(BROMSGROVE, Roles.AUTHORITY_OFFICER),
                tokens.forged(BROMSGROVE, Roles.AUTHORITY_OFFICER),
                tokens.tampered(REDDITCH, BROMSGROVE, Roles.AUTHORITY_OFFICER));
        long before = everyOpportunity();

        HttpClientResponseException none = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.POST("/api/v1/opportunities", body), Map.class));
        assertEquals(HttpStatus.UNAUTHORIZED, none.getStatus());
        assertProblem(none);
        for (String token : badTokens) {
            HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                    () -> http.toBlocking().exchange(HttpRequest.POST("/api/v1/opportunities", body).bearerAuth(token),
                            Map.class));
            assertEquals(HttpStatus.UNAUTHORIZED, e.getStatus());
        }
        assertEquals(before, everyOpportunity(), "a rejected request writes nothing");
    }

    @Test
    void aTamperedCopyOfAnAcceptedTokenGets401AndTheValidatorRemembersOnlyAcceptedTokens() {
        assertTrue(validators.stream().anyMatch(VerifiedTokens.Remembering.class::isInstance),
                "the platform's token validator remembers the tokens it accepted");
        String genuine = officer(BROMSGROVE);
        assertEquals(HttpStatus.OK, http.toBlocking().exchange(HttpRequest.GET("/api/v1/opportunities").bearerAuth(genuine),
                String.class).getStatus());
        String[] parts = genuine.split("\\.");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]), java.nio.charset.StandardCharsets.UTF_8)
                .replace(BROMSGROVE.toString(), REDDITCH.toString());
        String tampered = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "." + parts[2];

        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.GET("/api/v1/opportunities").bearerAuth(tampered), String.class));
        assertEquals(HttpStatus.UNAUTHORIZED, e.getStatus());
        assertEquals(HttpStatus.OK, http.toBlocking().exchange(HttpRequest.GET("/api/v1/opportunities").bearerAuth(genuine),
                String.class).getStatus());
    }

    @Test
    void aRoleWithoutProposingRightsGets403() {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> propose(
                tokens.forAuthority(BROMSGROVE, Roles.REGIONAL_VIEWER), "{\"title\":\"x\",\"serviceArea\":\"support.hr\"}"));
        assertEquals(HttpStatus.FORBIDDEN, e.getStatus());
        assertProblem(e);
    }

    @Test
    void malformedOrInvalidBodiesGet400ProblemsAndWriteNothing() {
        long before = everyOpportunity();
        for (String body : List.of(
                "{\"title\": \"unterminated",
                "{\"serviceArea\":\"support.hr\"}",
                "{\"title\":\"Shared legal\",\"serviceArea\":\"support.astrology\"}",
                "{\"title\":\"" + "x".repeat(201) + "\",\"serviceArea\":\"support.hr\"}",
                "[1,2,3]")) {
            HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                    () -> propose(officer(BROMSGROVE), body), body);
            assertEquals(HttpStatus.BAD_REQUEST, e.getStatus(), body);
            assertProblem(e);
        }
        assertEquals(before, everyOpportunity());
    }

    @Test
    void searchNarrowsByStageThemeModelHorizonAuthorityAndText() {
        String marker = "Kestrel" + UUID.randomUUID().toString().substring(0, 6);
        propose(officer(REDDITCH), "{\"title\":\"" + marker + " payroll\",\"serviceArea\":\"support.payroll\","
                + "\"model\":\"BUY_UNDER_SLA\",\"horizon\":\"QUICK_WIN\"}");
        propose(officer(REDDITCH), "{\"title\":\"" + marker + " parks\",\"serviceArea\":\"environment\","
                + "\"model\":\"JOINT_PROVISION_WITH_HOST\",\"horizon\":\"LONG_TERM\"}");
        String token = officer(REDDITCH);

        assertEquals(2, total("?q=" + marker, token));
        assertEquals(1, total("?q=" + marker + "&theme=support", token), "a theme takes in its service areas");
        assertEquals(1, total("?q=" + marker + "&model=buy_under_sla", token));
        assertEquals(1, total("?q=" + marker + "&horizon=LONG_TERM", token));
        assertEquals(2, total("?q=" + marker + "&stage=IDEA&authority=" + REDDITCH, token));
        assertEquals(0, total("?q=" + marker + "&authority=" + BROMSGROVE, token));
        for (String query : List.of("?stage=NEARLY_DONE", "?model=TELEPATHY", "?horizon=NEXT_CENTURY")) {
            HttpClientResponseException bad = assertThrows(HttpClientResponseException.class,
                    () -> api().exchange(HttpMethod.GET, "/api/v1/opportunities" + query, token, null));
            assertEquals(HttpStatus.BAD_REQUEST, bad.getStatus(), query);
            assertProblem(bad);
        }
    }

    private long total(String query, String token) {
        return ((Number) api().get("/api/v1/opportunities" + query, token)
                .get("totalSize")).longValue();
    }

    @Test
    void anAuthorityNotYetRegisteredCannotPropose() {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> propose(officer(UUID.randomUUID()), "{\"title\":\"x\",\"serviceArea\":\"support.hr\"}"));
        assertEquals(HttpStatus.CONFLICT, e.getStatus());
        assertProblem(e);
    }

    @Test
    void theApplicationRoleSeesNoRowsWithoutATenant() throws SQLException {
        propose(officer(BROMSGROVE), "{\"title\":\"Shared ICT\",\"serviceArea\":\"support.ict\"}");
        assertTrue(everyOpportunity() > 0);
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from opportunity")) {
            rs.next();
            assertEquals(0, rs.getLong(1), "row-level security hides every row when no tenant is set");
        }
    }

    @Test
    void proposingWhileKafkaIsDownSucceedsAndTheEventFollowsOnceItReturns() {
        TestServers.kafka().stop();
        String id;
        try {
            HttpResponse<Map> response = propose(officer(REDDITCH),
                    "{\"title\":\"Shared benefits service\",\"serviceArea\":\"support.exchequer\"}");
            assertEquals(HttpStatus.CREATED, response.getStatus());
            id = (String) response.body().get("id");
        } finally {
            TestServers.kafka().start(s -> { });
        }
        String proposed = id;
        Eventually.until("the outbox row sent after Kafka returned", Duration.ofSeconds(60),
                () -> count("select count(*) from outbox where record_key = '" + proposed + "' and sent_at is not null") == 1);
        assertEquals(1, TestEvents.readAll(Topics.OPPORTUNITIES, e -> e.subject().equals(proposed), Duration.ofSeconds(4))
                .size());
    }

    private void register(UUID id, String name, String gss) {
        TestEvents.publish(EventTypes.AUTHORITY_REGISTERED, id.toString(), id,
                new AuthorityRegistered(id, name, "DISTRICT", gss, List.of(), Instant.now()));
    }

    private HttpResponse<Map> propose(String token, String body) {
        return api().exchange(HttpMethod.POST, "/api/v1/opportunities", token, body);
    }

    private ApiCalls api() {
        return new ApiCalls(http);
    }

    private void assertProblem(HttpClientResponseException e) {
        assertEquals("application/problem+json", e.getResponse().getContentType().map(MediaType::toString).orElse(""));
        Map<?, ?> problem = e.getResponse().getBody(Argument.of(Map.class)).orElseThrow();
        assertEquals(e.getStatus().getCode(), ((Number) problem.get("status")).intValue());
        assertTrue(String.valueOf(problem.get("type")).startsWith("urn:concordat:problem:"), problem.toString());
    }

    /** Every opportunity of every authority: counted past row-level security. */
    private static long everyOpportunity() {
        return count("select count(*) from opportunity");
    }

    private static long count(String sql) {
        return Superuser.count("opportunities", sql);
    }
}
