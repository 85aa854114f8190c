package io.concordat.tenants;

import io.concordat.events.EventEnvelope;
import io.concordat.events.EventTypes;
import io.concordat.events.Topics;
import io.concordat.kit.tenancy.Roles;
import io.concordat.kit.testing.ServiceTestProperties;
import io.concordat.kit.testing.Superuser;
import io.concordat.kit.testing.TestEvents;
import io.concordat.kit.testing.TestTokens;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantsIT implements TestPropertyProvider {

    @Inject
    @Client("/")
    HttpClient http;

    private final String admin = TestTokens.get().withoutAuthority(Roles.PLATFORM_ADMIN);

    @Override
    public Map<String, String> getProperties() {
        return ServiceTestProperties.of("tenants");
    }

    @Test
    void registeringAnAuthorityPublishesAuthorityRegistered() {
        String gss = uniqueGss();
        HttpResponse<Map> response = post("/api/v1/tenants/authorities", admin, """
                {"name":"Bolsover District Council","kind":"district","gssCode":"%s","emailDomains":["Bolsover.gov.uk"]}"""
                .formatted(gss));

        assertEquals(HttpStatus.CREATED, response.getStatus());
        String id = (String) response.body().get("id");
        assertEquals("DISTRICT", response.body().get("kind"));
        assertEquals(List.of("bolsover.gov.uk"), response.body().get("emailDomains"));
        List<EventEnvelope> events = TestEvents.readAll(Topics.TENANTS,
                e -> e.subject().equals(id) && e.type().equals(EventTypes.AUTHORITY_REGISTERED.type()), Duration.ofSeconds(5));
        assertEquals(1, events.size());
        assertEquals(UUID.fromString(id), events.get(0).authorityId());
    }

    @Test
    void badRegistrationsGetProblemsAndWriteNothing() {
        String gss = uniqueGss();
        post("/api/v1/tenants/authorities", admin, "{\"name\":\"Chesterfield Borough Council\",\"kind\":\"BOROUGH\",\"gssCode\":\"" + gss + "\"}");
        long before = count("select count(*) from authority");
        Map<String, HttpStatus> bad = Map.of(
                "{\"name\":\"A\",\"kind\":\"PARISH\"}", HttpStatus.BAD_REQUEST,
                "{\"name\":\"A\",\"kind\":\"DISTRICT\",\"gssCode\":\"X1234\"}", HttpStatus.BAD_REQUEST,
                "{\"name\":\"A\",\"kind\":\"DISTRICT\",\"gssCode\":\"" + gss + "\"}", HttpStatus.CONFLICT,
                "{\"name\":\"" + "n".repeat(10 * 1024 * 1024) + "\",\"kind\":\"DISTRICT\"}", HttpStatus.REQUEST_ENTITY_TOO_LARGE,
                "{\"name\":\"A\",\"kind\":\"DISTRICT\",\"emailDomains\":[\"not a domain\"]}", HttpStatus.BAD_REQUEST,
                "{\"name\":", HttpStatus.BAD_REQUEST);
        bad.forEach((body, status) -> {
            HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                    () -> post("/api/v1/tenants/authorities", admin, body));
            assertEquals(status, e.getStatus(), body.length() > 80 ? body.substring(0, 80) : body);
            assertEquals("application/problem+json", e.getResponse().getContentType().map(MediaType::toString).orElse(""));
        });
        assertEquals(before, count("select count(*) from authority"));
    }

    @Test
    void onlyAPlatformAdminRegisters() {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> post(
                "/api/v1/tenants/authorities", TestTokens.get().forAuthority(UUID.randomUUID(), Roles.AUTHORITY_ADMIN),
                "{\"name\":\"A\",\"kind\":\"DISTRICT\"}"));
        assertEquals(HttpStatus.FORBIDDEN, e.getStatus());
    }

    @Test
    void aRegionGroupsRegisteredAuthoritiesAndRefusesUnknownOnes() {
        String a = (String) post("/api/v1/tenants/authorities", admin,
                "{\"name\":\"Gedling Borough Council\",\"kind\":\"BOROUGH\",\"gssCode\":\"" + uniqueGss() + "\"}").body().get("id");
        String b = (String) post("/api/v1/tenants/authorities", admin,
                "{\"name\":\"Rushcliffe Borough Council\",\"kind\":\"BOROUGH\",\"gssCode\":\"" + uniqueGss() + "\"}").body().get("id");
        String name = "Gedling and Rushcliffe " + UUID.randomUUID();

        HttpResponse<Map> created = post("/api/v1/tenants/regions", admin,
                "{\"name\":\"%s\",\"kind\":\"PARTNERSHIP\",\"memberAuthorityIds\":[\"%s\",\"%s\"]}".formatted(name, a, b));

        assertEquals(HttpStatus.CREATED, created.getStatus());
        assertEquals(2, ((List<?>) created.body().get("members")).size());
        HttpClientResponseException unknown = assertThrows(HttpClientResponseException.class, () -> post(
                "/api/v1/tenants/regions", admin, "{\"name\":\"Nowhere\",\"kind\":\"OTHER\",\"memberAuthorityIds\":[\""
                        + UUID.randomUUID() + "\"]}"));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, unknown.getStatus());
    }

    @Test
    void searchFindsAuthoritiesByPartOfTheirName() {
        String marker = "Zeta" + ThreadLocalRandom.current().nextInt(1_000_000);
        post("/api/v1/tenants/authorities", admin, "{\"name\":\"" + marker + " Council\",\"kind\":\"UNITARY\"}");
        Map<?, ?> page = http.toBlocking().retrieve(HttpRequest.GET("/api/v1/tenants/authorities?q=" + marker.toLowerCase())
                .bearerAuth(TestTokens.get().forAuthority(UUID.randomUUID(), Roles.AUTHORITY_OFFICER)), Argument.of(Map.class));
        assertEquals(1, ((List<?>) page.get("content")).size());
        assertTrue(((Map<?, ?>) ((List<?>) page.get("content")).get(0)).get("name").toString().startsWith(marker));
    }

    private HttpResponse<Map> post(String uri, String token, String body) {
        return http.toBlocking().exchange(HttpRequest.POST(uri, body).contentType(MediaType.APPLICATION_JSON_TYPE)
                .bearerAuth(token), Map.class);
    }

    private static String uniqueGss() {
        return "E07" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
    }

    private static long count(String sql) {
        return Superuser.count("tenants", sql);
    }
}
