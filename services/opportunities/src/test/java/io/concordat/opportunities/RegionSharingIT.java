package io.concordat.opportunities;

import io.concordat.events.EventTypes;
import io.concordat.events.tenants.v1.MembershipEnded;
import io.concordat.kit.tenancy.Roles;
import io.concordat.kit.testing.ApiCalls;
import io.concordat.kit.testing.Eventually;
import io.concordat.kit.testing.ServiceTestProperties;
import io.concordat.kit.testing.Superuser;
import io.concordat.kit.testing.TestDirectory;
import io.concordat.kit.testing.TestEvents;
import io.concordat.kit.testing.TestTokens;
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

import static io.concordat.kit.testing.Councils.officer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What an authority shares with a region is seen by that region's members, and only while they are members. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegionSharingIT implements TestPropertyProvider {

    private static final UUID BOLSOVER = UUID.randomUUID();
    private static final UUID BASSETLAW = UUID.randomUUID();
    private static final UUID CHESTERFIELD = UUID.randomUUID();
    private static final UUID OUTSIDER = UUID.randomUUID();
    private static final UUID PARTNERSHIP = UUID.randomUUID();
    private static final UUID OTHER_REGION = UUID.randomUUID();

    @Inject
    @Client("/")
    HttpClient http;

    private final TestTokens tokens = TestTokens.get();

    @Override
    public Map<String, String> getProperties() {
        return ServiceTestProperties.of("opportunities");
    }

    @BeforeAll
    void theProcurementPartnershipExists() {
        TestDirectory.registerAuthorities("opportunities", List.of(BOLSOVER, BASSETLAW, CHESTERFIELD, OUTSIDER));
        TestDirectory.createRegion("opportunities", PARTNERSHIP, "Procurement partnership",
                List.of(BOLSOVER, BASSETLAW, CHESTERFIELD));
        TestDirectory.createRegion("opportunities", OTHER_REGION, "Elsewhere", List.of(OUTSIDER));
    }

    @Test
    void membersOfTheRegionSeeWhatIsSharedWithItAndOutsidersDoNot() {
        String shared = propose(BOLSOVER, "Procurement consortium", List.of(PARTNERSHIP));
        String own = propose(BOLSOVER, "Bolsover's own review of procurement", List.of());

        Map<?, ?> seen = (Map<?, ?>) api().get("/api/v1/opportunities/" + shared, officer(BASSETLAW)).get("opportunity");
        assertEquals(List.of(PARTNERSHIP.toString()), seen.get("regionIds"));
        assertTrue(ids(BASSETLAW).contains(shared));
        assertTrue(!ids(BASSETLAW).contains(own), "what is not shared stays with its authority");
        assertEquals(HttpStatus.NOT_FOUND, status(() -> api().get("/api/v1/opportunities/" + shared, officer(OUTSIDER))));
        assertEquals(HttpStatus.NOT_FOUND, status(() -> api().get("/api/v1/opportunities/" + own, officer(BASSETLAW))));
    }

    @Test
    void anAuthorityThatLeavesTheRegionStopsSeeingWhatItShares() {
        String shared = propose(BOLSOVER, "Shared property team", List.of(PARTNERSHIP));
        assertEquals(shared, ((Map<?, ?>) api().get("/api/v1/opportunities/" + shared, officer(CHESTERFIELD)).get("opportunity")).get("id"));

        TestEvents.publish(EventTypes.MEMBERSHIP_ENDED, PARTNERSHIP.toString(), CHESTERFIELD,
                new MembershipEnded(PARTNERSHIP, CHESTERFIELD, LocalDate.now(), "region-admin", Instant.now()));
        Eventually.until("Chesterfield's membership ended here", Duration.ofSeconds(30), () -> Superuser.count("opportunities",
                "select count(*) from region_membership where authority_id = '" + CHESTERFIELD + "' and left_on is not null") == 1);

        assertEquals(HttpStatus.NOT_FOUND, status(() -> api().get("/api/v1/opportunities/" + shared, officer(CHESTERFIELD))));
        assertTrue(!ids(CHESTERFIELD).contains(shared));
    }

    @Test
    void anAuthorityCannotShareWithARegionItIsNotInNorChangeItsVisibilityByForgingAToken() {
        long before = Superuser.count("opportunities", "select count(*) from opportunity");
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, status(() -> http.toBlocking().exchange(
                HttpRequest.POST("/api/v1/opportunities", "{\"title\":\"x\",\"serviceArea\":\"support.hr\",\"regionIds\":[\""
                        + OTHER_REGION + "\"]}").contentType(MediaType.APPLICATION_JSON_TYPE)
                        .bearerAuth(officer(BOLSOVER)), Map.class)));
        String shared = propose(BOLSOVER, "Joint ICT", List.of(PARTNERSHIP));
        assertEquals(HttpStatus.UNAUTHORIZED, status(() -> http.toBlocking().exchange(HttpRequest.GET(
                "/api/v1/opportunities/" + shared).bearerAuth(tokens.tampered(OUTSIDER, BASSETLAW, Roles.AUTHORITY_OFFICER)),
                Map.class)));
        assertEquals(before + 1, Superuser.count("opportunities", "select count(*) from opportunity"));
    }

    private String propose(UUID authority, String title, List<UUID> regions) {
        String regionIds = regions.isEmpty() ? "" : ",\"regionIds\":[\"" + regions.get(0) + "\"]";
        return api().create("/api/v1/opportunities",
                officer(authority), "{\"title\":\"" + title + "\",\"serviceArea\":\"support.procurement\"" + regionIds + "}");
    }

    private ApiCalls api() {
        return new ApiCalls(http);
    }

    private List<String> ids(UUID authority) {
        List<?> content = (List<?>) api().get("/api/v1/opportunities?size=100", officer(authority)).get("content");
        return content.stream().map(o -> (String) ((Map<?, ?>) o).get("id")).toList();
    }

    private static HttpStatus status(Runnable call) {
        return assertThrows(HttpClientResponseException.class, call::run).getStatus();
    }
}
