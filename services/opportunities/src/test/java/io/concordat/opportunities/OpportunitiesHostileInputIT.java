package io.concordat.opportunities;

import io.concordat.kit.tenancy.Roles;
import io.concordat.kit.testing.ApiCalls;
import io.concordat.kit.testing.HostileInputSweep;
import io.concordat.kit.testing.ServiceTestProperties;
import io.concordat.kit.testing.TestDirectory;
import io.concordat.kit.testing.TestTokens;
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

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every route of the opportunities service, sent hostile input by a council holding every role. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpportunitiesHostileInputIT implements TestPropertyProvider {

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
        return ServiceTestProperties.of("opportunities");
    }

    @Test
    void hostileInputToEveryRouteIsRefusedAsAProblemAndChangesNothing() {
        TestDirectory.registerAuthorities("opportunities", Map.of(HOST, "Sweep Host Council", RECIPIENT, "Sweep Recipient Council"));
        TestDirectory.createRegion("opportunities", REGION, "Sweep " + REGION, List.of(HOST, RECIPIENT));
        ApiCalls api = new ApiCalls(http);
        String host = tokens.forAuthority(HOST, Roles.AUTHORITY_OFFICER, Roles.AUTHORITY_ADMIN, Roles.BOARD_MEMBER,
                Roles.REGIONAL_VIEWER, Roles.REGION_ADMIN);
        String opportunity = (String) api.send(HttpMethod.POST, "/api/v1/opportunities", host, """
                {"title":"Swept opportunity","serviceArea":"support.payroll","regionIds":["%s"]}""".formatted(REGION))
                .get("id");
        String vacancy = (String) api.send(HttpMethod.POST, "/api/v1/opportunities/vacancies", host, """
                {"title":"Swept Manager","serviceArea":"support.payroll","grade":"M2","closingDate":"%s"}"""
                .formatted(java.time.LocalDate.now().plusMonths(2))).get("id");
        HostileInputSweep sweep = new HostileInputSweep(router, server.getPort(), "opportunities")
                .pathValue("/api/v1/opportunities", "id", opportunity)
                .pathValue("/api/v1/opportunities/vacancies", "id", vacancy)
                .pathValue("authorityId", RECIPIENT).pathValue("regionId", REGION)
                .example(HttpMethod.POST, "/api/v1/opportunities", """
                        {"title":"Shared payroll","serviceArea":"support.payroll","description":"Two councils, one team",
                         "regionIds":["%s"],"model":"JOINT_PROVISION_WITH_HOST","trigger":"VACANCY","horizon":"QUICK_WIN",
                         "targetDecisionOn":"2027-01-01","targetStartOn":"2027-04-01","proposerRole":"PROSPECTIVE_HOST"}"""
                        .formatted(REGION))
                .example(HttpMethod.POST, "/api/v1/opportunities/vacancies", """
                        {"title":"Payroll Manager","serviceArea":"support.payroll","grade":"M2","closingDate":"%s"}"""
                        .formatted(java.time.LocalDate.now().plusMonths(3)))
                .example(HttpMethod.PUT, "/api/v1/opportunities/{id}/business-case", """
                        {"investigationCostPence":500000,"implementationCostPence":3000000,"costSplit":"EQUAL",
                         "externalFundingPence":3000000,
                         "projectedSavings":[{"authorityId":"%s","financialYear":"2026/27","annualPence":2000000}],
                         "benefits":["Resilience"],
                         "risks":[{"category":"PEOPLE","description":"Staff uncertainty","likelihood":3,"impact":3}],
                         "staffingImplications":true,"staffConsultedOn":"2026-05-01","tradeUnionsConsultedOn":"2026-05-02"}"""
                        .formatted(HOST))
                .example(HttpMethod.POST, "/api/v1/opportunities/{id}/decisions", """
                        {"outcome":"APPROVE","body":"EXECUTIVE","decidedOn":"2026-06-15","minuteReference":"E/2"}""")
                .example(HttpMethod.POST, "/api/v1/opportunities/{id}/stage", """
                        {"to":"IN_PRINCIPLE_DISCUSSION"}""");
        List<String> failures = sweep.run(host);
        assertEquals(List.of(), failures, failures.size() + " of " + sweep.requestsSent() + " requests failed");
    }
}
