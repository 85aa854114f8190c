package io.concordat.tenants;

import io.concordat.kit.tenancy.Roles;
import io.concordat.kit.testing.ApiCalls;
import io.concordat.kit.testing.HostileInputSweep;
import io.concordat.kit.testing.ServiceTestProperties;
import io.concordat.kit.testing.Superuser;
import io.concordat.kit.testing.TestTokens;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every route of the tenants service, sent hostile input by a council holding every role and by the platform. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantsHostileInputIT implements TestPropertyProvider {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    Router router;

    @Inject
    EmbeddedServer server;

    private final TestTokens tokens = TestTokens.get();
    private final String platform = tokens.withoutAuthority(Roles.PLATFORM_ADMIN);

    @Override
    public Map<String, String> getProperties() {
        return ServiceTestProperties.of("tenants");
    }

    @Test
    void hostileInputToEveryRouteIsRefusedAsAProblemAndChangesNothing() {
        ApiCalls api = new ApiCalls(http);
        String council = approved(api, "Sweep Council");
        String other = approved(api, "Sweep Neighbour");
        String pending = register(api, "Sweep Pending");
        String region = (String) api.send(HttpMethod.POST, "/api/v1/tenants/regions", platform, "{\"name\":\"Sweep "
                + UUID.randomUUID() + "\",\"kind\":\"PARTNERSHIP\",\"memberAuthorityIds\":[\"" + council + "\",\"" + other
                + "\"]}").get("id");
        String everyRole = tokens.forAuthority(UUID.fromString(council), Roles.AUTHORITY_OFFICER, Roles.AUTHORITY_ADMIN,
                Roles.BOARD_MEMBER, Roles.REGIONAL_VIEWER, Roles.REGION_ADMIN);
        HostileInputSweep sweep = new HostileInputSweep(router, server.getPort(), "tenants")
                .pathValue("/api/v1/tenants/authorities", "id", pending).pathValue("/api/v1/tenants/regions", "id", region)
                .pathValue("authorityId", other).pathValue("userId", UUID.randomUUID().toString()).pathValue("role", "board-member")
                .example(HttpMethod.POST, "/api/v1/tenants/authorities/{id}/identity-providers", """
                        {"name":"sweep","protocol":"SAML","metadataUrl":"https://idp.sweep.gov.uk/metadata","emailDomains":["sweep.gov.uk"]}""")
                .example(HttpMethod.POST, "/api/v1/tenants/authorities/{id}/staff", """
                        {"email":"officer@sweep.gov.uk","firstName":"Olu","lastName":"Officer","roles":["authority-officer"]}""")
                .example(HttpMethod.POST, "/api/v1/tenants/authorities", """
                        {"name":"Hostile Sweep Council","kind":"DISTRICT","gssCode":"E07000999","emailDomains":["sweep.gov.uk"],
                         "firstAdmin":{"email":"admin@sweep.gov.uk","firstName":"Ada","lastName":"Admin"}}""")
                .example(HttpMethod.PATCH, "/api/v1/tenants/authorities/{id}", """
                        {"name":"Renamed Council","emailDomains":["renamed.gov.uk"]}""")
                .example(HttpMethod.POST, "/api/v1/tenants/authorities/{id}/suspend", """
                        {"reason":"Spam registration"}""")
                .example(HttpMethod.POST, "/api/v1/tenants/regions", """
                        {"name":"Swept Partnership","kind":"PARTNERSHIP","memberAuthorityIds":["%s"],
                         "board":{"membersPerAuthority":3,"rule":"CONSENSUS"},"membersJoinedOn":"2010-04-01"}"""
                        .formatted(council))
                .example(HttpMethod.PUT, "/api/v1/tenants/regions/{id}/board", """
                        {"membersPerAuthority":3,"rule":"CONSENSUS_ELSE_MINIMUM_FROM_EACH","minimumFromEach":2}""")
                .example(HttpMethod.POST, "/api/v1/tenants/regions/{id}/members/{authorityId}/leave", """
                        {"leftOn":"2015-01-01"}""");
        List<String> failures = sweep.run(everyRole, platform);
        assertEquals(List.of(), failures, failures.size() + " of " + sweep.requestsSent() + " requests failed");
    }

    @Test
    void aNameWithAControlOrBidiCharacterIsRefusedNamingTheField() {
        ApiCalls api = new ApiCalls(http);
        long before = Superuser.count("tenants", "select count(*) from authority");
        for (String[] hostile : new String[][]{{"Evil\\u202Egnp Council", "bidi-control"},
                {"Nul\\u0000 Council", "control-character"}, {"Two\\nLines", "control-character"}}) {
            HttpResponse<String> answer = exchange(HttpMethod.POST, "/api/v1/tenants/authorities", "{\"name\":\""
                    + hostile[0] + "\",\"kind\":\"DISTRICT\",\"emailDomains\":[\"h.gov.uk\"],\"firstAdmin\":"
                    + "{\"email\":\"a@h.gov.uk\",\"firstName\":\"A\",\"lastName\":\"B\"}}");
            assertEquals(400, answer.code(), hostile[0]);
            assertEquals("application/problem+json", answer.getContentType().map(Object::toString).orElse(""));
            assertTrue(answer.body().contains("urn:concordat:problem:" + hostile[1]), answer.body());
            assertTrue(answer.body().contains("\"field\":\"name\""), answer.body());
        }
        assertEquals(before, Superuser.count("tenants", "select count(*) from authority"));
    }

    @Test
    void textIsStoredTrimmed() {
        String id = register(new ApiCalls(http), "  Trimmed Council  ");
        assertEquals("Trimmed Council", Superuser.query("tenants", "select name from authority where id = '" + id + "'"));
    }

    @Test
    void aQueryValueThatIsNotUtf8IsAProblemNamingTheParameter() {
        HttpResponse<String> answer = exchange(HttpMethod.GET, "/api/v1/tenants/authorities?q=%ff", null);
        assertEquals(400, answer.code());
        assertTrue(answer.body().contains("\"field\":\"q\""), answer.body());
    }

    private HttpResponse<String> exchange(HttpMethod method, String path, String body) {
        try {
            return http.toBlocking().exchange(ApiCalls.request(method, path, platform, body), String.class);
        } catch (HttpClientResponseException e) {
            return (HttpResponse<String>) e.getResponse().getBody(String.class).map(b -> {
                io.micronaut.http.MutableHttpResponse<String> r = HttpResponse.status(e.getStatus()).body(b);
                e.getResponse().getContentType().ifPresent(r::contentType);
                return (HttpResponse<String>) r;
            }).orElseThrow();
        }
    }

    private String register(ApiCalls api, String name) {
        String domain = "s" + ThreadLocalRandom.current().nextInt(1_000_000) + ".gov.uk";
        return (String) api.send(HttpMethod.POST, "/api/v1/tenants/authorities", platform, "{\"name\":\"" + name
                + "\",\"kind\":\"DISTRICT\",\"emailDomains\":[\"" + domain + "\"],\"firstAdmin\":{\"email\":\"admin@"
                + domain + "\",\"firstName\":\"A\",\"lastName\":\"B\"}}").get("id");
    }

    private String approved(ApiCalls api, String name) {
        String id = register(api, name);
        api.send(HttpMethod.POST, "/api/v1/tenants/authorities/" + id + "/approve", platform, null);
        return id;
    }
}
