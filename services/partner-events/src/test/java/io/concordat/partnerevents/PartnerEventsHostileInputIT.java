package io.concordat.partnerevents;

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

/** Every route of partner-events, sent hostile input by a partner system and by its council's admin. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PartnerEventsHostileInputIT implements TestPropertyProvider {

    private static final UUID COUNCIL = UUID.randomUUID();

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    Router router;

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return ServiceTestProperties.of("partner_events");
    }

    @Test
    void hostileInputToEveryRouteIsRefusedAsAProblemAndChangesNothing() {
        TestDirectory.registerAuthorities("partner_events", List.of(COUNCIL));
        ApiCalls api = new ApiCalls(http);
        String partner = TestTokens.get().forPartner("partner-sweep-" + COUNCIL, COUNCIL);
        String admin = TestTokens.get().forAuthority(COUNCIL, Roles.AUTHORITY_ADMIN, Roles.AUTHORITY_OFFICER);
        String subscription = api.create("/api/v1/partner-events/subscriptions", partner,
                "{\"eventTypes\":[\"*\"],\"stream\":true}");
        String clientId = (String) api.post("/api/v1/partner-events/partners", admin, "{\"name\":\"Swept system\"}")
                .get("clientId");
        HostileInputSweep sweep = new HostileInputSweep(router, server.getPort(), "partner_events")
                .pathValue("id", subscription).pathValue("subscriptionId", subscription)
                .pathValue("deliveryId", UUID.randomUUID()).pathValue("clientId", clientId)
                .example(HttpMethod.POST, "/api/v1/partner-events/subscriptions",
                        "{\"eventTypes\":[\"io.concordat.arrangement.*\"],\"serviceAreas\":[\"support.finance\"],\"stream\":true}")
                .example(HttpMethod.PUT, "/api/v1/partner-events/subscriptions/{id}",
                        "{\"eventTypes\":[\"*\"],\"stream\":true}")
                .example(HttpMethod.POST, "/api/v1/partner-events/partners", "{\"name\":\"Finance system\"}")
                .example(HttpMethod.POST, "/api/v1/partner-events/subscriptions/{subscriptionId}/deliveries/resend",
                        "{\"since\":\"2026-01-01T00:00:00Z\"}");
        assertEquals(List.of(), sweep.run(partner, admin));
    }
}
