package io.concordat.hosting;

import io.concordat.kit.tenancy.Roles;
import io.concordat.kit.testing.ApiCalls;
import io.concordat.kit.testing.HostileInputSweep;
import io.concordat.kit.testing.ServiceTestProperties;
import io.concordat.kit.testing.TestDirectory;
import io.concordat.kit.testing.TestTokens;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpStatus;
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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every route of the hosting service, sent hostile input by a host council holding every role. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostingHostileInputIT implements TestPropertyProvider {

    private static final UUID HOST = UUID.randomUUID();
    private static final UUID RECIPIENT = UUID.randomUUID();
    private static final UUID REGION = UUID.randomUUID();

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    Router router;

    @Inject
    EmbeddedServer server;

    private final TestTokens tokens = TestTokens.get();

    @Override
    public Map<String, String> getProperties() {
        return ServiceTestProperties.of("hosting");
    }

    @org.junit.jupiter.api.BeforeAll
    void aHostARecipientAndTheirRegion() {
        TestDirectory.registerAuthorities("hosting", Map.of(HOST, "Sweep Host Council", RECIPIENT, "Sweep Recipient Council"));
        TestDirectory.createRegion("hosting", REGION, "Sweep " + REGION, List.of(HOST, RECIPIENT));
    }

    @Test
    void hostileInputToEveryRouteIsRefusedAsAProblemAndChangesNothing() {
        ApiCalls api = new ApiCalls(http);
        String host = tokens.forAuthority(HOST, Roles.AUTHORITY_OFFICER, Roles.AUTHORITY_ADMIN, Roles.BOARD_MEMBER,
                Roles.REGIONAL_VIEWER, Roles.REGION_ADMIN);
        String id = (String) api.send(HttpMethod.POST, "/api/v1/hosting/arrangements", host, """
                {"title":"Swept service","serviceArea":"support.payroll","basis":"PERMANENT","startsOn":"2020-04-01",
                 "costAllocation":"EQUAL_SHARES","regionIds":["%s"],
                 "recipients":[{"authorityId":"%s","joinedOn":"2020-04-01"}]}""".formatted(REGION, RECIPIENT)).get("id");
        api.send(HttpMethod.POST, "/api/v1/hosting/arrangements/" + id + "/recipients/" + RECIPIENT + "/accept",
                tokens.forAuthority(RECIPIENT, Roles.AUTHORITY_OFFICER), null);
        HostileInputSweep sweep = new HostileInputSweep(router, server.getPort(), "hosting")
                .pathValue("id", id).pathValue("authorityId", RECIPIENT).pathValue("financialYear", "2024%2F25")
                .pathValue("regionId", REGION)
                .example(HttpMethod.POST, "/api/v1/hosting/arrangements", """
                        {"title":"Shared HR","serviceArea":"support.hr","basis":"TRIAL","startsOn":"2021-04-01",
                         "trialMonths":12,"reviewOn":"2021-10-01","capacityDaysPerWeek":3,"capacityNote":"Three days",
                         "costAllocation":"RECHARGE_AT_COST_PER_DAY","noticeMonths":6,"agreementReference":"SLA/1",
                         "legalBasis":"Local Government Act 1972 s.113","regionIds":["%s"],
                         "recipients":[{"authorityId":"%s","joinedOn":"2021-04-01","serviceLevel":"Two days",
                                        "accountManager":"Head of HR"}]}""".formatted(REGION, RECIPIENT))
                .example(HttpMethod.POST, "/api/v1/hosting/arrangements/{id}/recharges", """
                        {"recipientAuthorityId":"%s","periodFrom":"2021-04-01","periodTo":"2021-09-30",
                         "amountPence":2000000}""".formatted(RECIPIENT))
                .example(HttpMethod.POST, "/api/v1/hosting/arrangements/{id}/indicators", """
                        {"name":"Days to pay","unit":"days","direction":"LOWER_IS_BETTER","amberMargin":3,
                         "targets":{"%s":20}}""".formatted(RECIPIENT))
                .example(HttpMethod.POST, "/api/v1/hosting/arrangements/{id}/reviews", """
                        {"kind":"Annual review","dueOn":"2022-04-01"}""")
                .example(HttpMethod.POST, "/api/v1/hosting/arrangements/{id}/recipients/{authorityId}/leave", """
                        {"leftOn":"2022-03-31","reason":"Brought back in house"}""")
                .example(HttpMethod.POST, "/api/v1/hosting/arrangements/{id}/host-transfers", """
                        {"toAuthorityId":"%s","effectiveOn":"2022-04-01"}""".formatted(RECIPIENT))
                .example(HttpMethod.POST, "/api/v1/hosting/arrangements/{id}/terminate", """
                        {"exitOn":"2023-03-31","reason":"No longer needed"}""")
                .sample("pence", "1000");
        List<String> failures = sweep.run(host);
        assertEquals(List.of(), failures, failures.size() + " of " + sweep.requestsSent() + " requests failed");
    }

    @Test
    void everyListIsPagedInItsOrderWithATotalAndLinks() {
        ApiCalls api = new ApiCalls(http);
        String host = tokens.forAuthority(HOST, Roles.AUTHORITY_OFFICER);
        for (int i = 0; i < 3; i++) {
            api.send(HttpMethod.POST, "/api/v1/hosting/arrangements", host, """
                    {"title":"Paged %d","serviceArea":"support.payroll","basis":"PERMANENT","startsOn":"2020-04-01",
                     "costAllocation":"EQUAL_SHARES","recipients":[{"authorityId":"%s","joinedOn":"2020-04-01"}]}"""
                    .formatted(i, RECIPIENT));
        }
        io.micronaut.http.HttpResponse<List<Map>> first = http.toBlocking().exchange(ApiCalls.request(HttpMethod.GET,
                "/api/v1/hosting/arrangements?size=2", host, null), io.micronaut.core.type.Argument.listOf(Map.class));
        long total = Long.parseLong(first.header("X-Total-Count"));
        assertTrue(total >= 3, "the whole list's length");
        assertEquals(2, first.body().size());
        assertTrue(first.header("Link").contains("page=1") && first.header("Link").contains("rel=\"next\""), first.header("Link"));
        List<?> all = api.list("/api/v1/hosting/arrangements?size=500", host);
        List<?> second = api.list("/api/v1/hosting/arrangements?page=1&size=2", host);
        assertEquals(all.subList(2, Math.min(4, all.size())), second, "pages follow the list's own order");
        for (String bad : List.of("size=0", "size=501", "page=-1", "size=x")) {
            assertEquals(HttpStatus.BAD_REQUEST, api.status(HttpMethod.GET, "/api/v1/hosting/arrangements?" + bad, host, null), bad);
        }
    }
}
