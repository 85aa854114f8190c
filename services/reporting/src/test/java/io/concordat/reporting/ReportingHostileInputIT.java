package io.concordat.reporting;

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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every route of the reporting service, sent hostile input by a council holding every role; markup stays text. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportingHostileInputIT implements TestPropertyProvider {

    private static final UUID COUNCIL = UUID.randomUUID();
    private static final UUID REGION = UUID.randomUUID();
    private static final String MARKUP = "<svg onload=alert(1)> Partnership";

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    Router router;

    @Inject
    EmbeddedServer server;

    private final TestTokens tokens = TestTokens.get();
    private final String everyRole = tokens.forAuthority(COUNCIL, Roles.AUTHORITY_OFFICER, Roles.AUTHORITY_ADMIN,
            Roles.BOARD_MEMBER, Roles.REGIONAL_VIEWER, Roles.REGION_ADMIN);

    @Override
    public Map<String, String> getProperties() {
        return ServiceTestProperties.of("reporting");
    }

    @BeforeAll
    void aRegionWhoseNameIsMarkup() {
        TestDirectory.registerAuthorities("reporting", Map.of(COUNCIL, "<b>Bold</b> Council"));
        TestDirectory.createRegion("reporting", REGION, MARKUP, List.of(COUNCIL));
    }

    @Test
    void markupInANameIsShownAsTextInTheBoardReport() {
        String page = new ApiCalls(http).text("/api/v1/reporting/regions/" + REGION + "/board-reports/2024-25/Q1", everyRole);
        assertTrue(page.contains("&lt;svg onload=alert(1)&gt; Partnership"), "the name is escaped");
        assertFalse(page.contains("<svg onload"), "no markup from a name reaches the page");
    }

    @Test
    void hostileInputToEveryRouteIsRefusedAsAProblemAndChangesNothing() {
        HostileInputSweep sweep = new HostileInputSweep(router, server.getPort(), "reporting")
                .pathValue("regionId", REGION).pathValue("authorityId", COUNCIL).pathValue("year", "2024-25")
                .pathValue("quarter", "Q1").pathValue("file", "arrangements.csv");
        List<String> failures = sweep.run(everyRole, tokens.withoutAuthority(Roles.PLATFORM_ADMIN));
        assertEquals(List.of(), failures, failures.size() + " of " + sweep.requestsSent() + " requests failed");
    }
}
