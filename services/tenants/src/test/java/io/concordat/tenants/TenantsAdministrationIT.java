package io.concordat.tenants;

import io.concordat.events.EventEnvelope;
import io.concordat.events.EventTypes;
import io.concordat.events.Topics;
import io.concordat.kit.tenancy.Roles;
import io.concordat.kit.testing.ApiCalls;
import io.concordat.kit.testing.ServiceTestProperties;
import io.concordat.kit.testing.Superuser;
import io.concordat.kit.testing.TestEvents;
import io.concordat.kit.testing.TestTokens;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The platform's administration: rejecting a pending registration, and closing a region. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantsAdministrationIT implements TestPropertyProvider {

    @Inject
    @Client("/")
    HttpClient http;

    private final TestTokens tokens = TestTokens.get();
    private final String platform = tokens.withoutAuthority(Roles.PLATFORM_ADMIN);

    @Override
    public Map<String, String> getProperties() {
        return ServiceTestProperties.of("tenants");
    }

    @Test
    void aRejectedRegistrationIsKeptWithItsReasonAndIsNeverApproved() {
        String gss = "E07" + (100000 + ThreadLocalRandom.current().nextInt(800000));
        String domain = "spam" + ThreadLocalRandom.current().nextInt(1_000_000) + ".gov.uk";
        String spam = register("Spam Council", gss, domain);

        assertEquals(HttpStatus.BAD_REQUEST, api().status(HttpMethod.POST, "/api/v1/tenants/authorities/" + spam + "/reject",
                platform, "{\"reason\":\"  \"}"), "a reason is needed");
        Map<?, ?> rejected = api().send(HttpMethod.POST, "/api/v1/tenants/authorities/" + spam + "/reject", platform,
                "{\"reason\":\"Not a public body\"}");
        assertEquals("REJECTED", rejected.get("status"));
        assertEquals("Not a public body", rejected.get("reason"));
        assertEquals("Not a public body|" + gss, Superuser.query("tenants",
                "select rejected_reason || '|' || rejected_gss_code from authority where id = '" + spam + "'"), "kept, not deleted");

        assertEquals(HttpStatus.CONFLICT, api().status(HttpMethod.POST, "/api/v1/tenants/authorities/" + spam + "/approve",
                platform, null), "a rejected registration is not approved");
        assertEquals(HttpStatus.CONFLICT, api().status(HttpMethod.POST, "/api/v1/tenants/authorities/" + spam + "/reject",
                platform, "{\"reason\":\"again\"}"));
        assertEquals("REJECTED", Superuser.query("tenants", "select status from authority where id = '" + spam + "'"));
        List<EventEnvelope> events = TestEvents.readAll(Topics.TENANTS, e -> e.type().equals(EventTypes.AUTHORITY_REJECTED.type())
                && e.subject().equals(spam), Duration.ofSeconds(5));
        assertEquals(1, events.size(), "AuthorityRejected published once");

        String genuine = register("Genuine Council", gss, domain);
        api().send(HttpMethod.POST, "/api/v1/tenants/authorities/" + genuine + "/approve", platform, null);
        assertEquals("APPROVED", Superuser.query("tenants", "select status from authority where id = '" + genuine + "'"),
                "the body registers again, with the code and domain the rejected one claimed");
    }

    @Test
    void onlyThePlatformRejectsAndOnlyAPendingRegistration() {
        String pending = register("Pending Council", null, "p" + ThreadLocalRandom.current().nextInt(1_000_000) + ".gov.uk");
        String approved = approved("Approved Council");
        assertEquals(HttpStatus.FORBIDDEN, api().status(HttpMethod.POST, "/api/v1/tenants/authorities/" + pending + "/reject",
                tokens.forAuthority(UUID.fromString(pending), Roles.AUTHORITY_ADMIN), "{\"reason\":\"x\"}"));
        assertEquals(HttpStatus.CONFLICT, api().status(HttpMethod.POST, "/api/v1/tenants/authorities/" + approved + "/reject",
                platform, "{\"reason\":\"x\"}"), "a tenant is suspended, not rejected");
        assertEquals("PENDING", Superuser.query("tenants", "select status from authority where id = '" + pending + "'"));
    }

    @Test
    void aRegionClosesWhenARegionAdminOfEveryMemberHasAgreedAndThenTakesNoNewMembers() {
        String first = approved("First Member");
        String second = approved("Second Member");
        String outsider = approved("Outsider");
        String region = region(first, second);

        Map<?, ?> closing = api().send(HttpMethod.POST, "/api/v1/tenants/regions/" + region + "/close", regionAdmin(first),
                "{\"reason\":\"The partnership ended\"}");
        assertEquals("CLOSING", closing.get("status"));
        assertEquals(List.of(second), closing.get("awaiting"));
        assertEquals(HttpStatus.FORBIDDEN, api().status(HttpMethod.POST, "/api/v1/tenants/regions/" + region + "/close",
                regionAdmin(outsider), "{\"reason\":\"x\"}"), "a non-member's region admin has no say");
        assertEquals(HttpStatus.FORBIDDEN, api().status(HttpMethod.POST, "/api/v1/tenants/regions/" + region + "/close",
                tokens.forAuthority(UUID.fromString(second), Roles.AUTHORITY_OFFICER), "{\"reason\":\"x\"}"));

        Map<?, ?> closed = api().send(HttpMethod.POST, "/api/v1/tenants/regions/" + region + "/close", regionAdmin(second),
                "{\"reason\":\"The partnership ended\"}");
        assertEquals("CLOSED", closed.get("status"));
        assertEquals("CLOSED", api().send(HttpMethod.GET, "/api/v1/tenants/regions/" + region + "/closure",
                tokens.forAuthority(UUID.fromString(outsider), Roles.AUTHORITY_OFFICER), null).get("status"));
        assertEquals(1, TestEvents.readAll(Topics.TENANTS, e -> e.type().equals(EventTypes.REGION_CLOSED.type())
                && e.subject().equals(region), Duration.ofSeconds(5)).size(), "RegionClosed published once");

        assertEquals(HttpStatus.CONFLICT, api().status(HttpMethod.POST, "/api/v1/tenants/regions/" + region
                + "/membership-requests", tokens.forAuthority(UUID.fromString(outsider), Roles.AUTHORITY_ADMIN), null));
        assertEquals(HttpStatus.CONFLICT, api().status(HttpMethod.POST, "/api/v1/tenants/regions/" + region + "/close",
                platform, "{\"reason\":\"again\"}"));
        assertEquals(2, ((List<?>) api().send(HttpMethod.GET, "/api/v1/tenants/regions/" + region,
                tokens.forAuthority(UUID.fromString(first), Roles.AUTHORITY_OFFICER), null).get("members")).size(),
                "its memberships stay as history");
    }

    @Test
    void thePlatformClosesARegionAtOnce() {
        String member = approved("Lone Member");
        String region = region(member);
        Map<?, ?> closed = api().send(HttpMethod.POST, "/api/v1/tenants/regions/" + region + "/close", platform,
                "{\"reason\":\"Created by mistake\"}");
        assertEquals("CLOSED", closed.get("status"));
        assertEquals("Created by mistake", closed.get("reason"));
        assertTrue(Superuser.count("tenants", "select count(*) from region where id = '" + region + "' and closed_on is not null") == 1);
    }

    private String region(String... members) {
        return (String) api().send(HttpMethod.POST, "/api/v1/tenants/regions", platform, "{\"name\":\"Closing "
                + UUID.randomUUID() + "\",\"kind\":\"PARTNERSHIP\",\"memberAuthorityIds\":[\"" + String.join("\",\"", members)
                + "\"]}").get("id");
    }

    private String regionAdmin(String authority) {
        return tokens.forAuthority(UUID.fromString(authority), Roles.REGION_ADMIN);
    }

    private String register(String name, String gss, String domain) {
        return (String) api().send(HttpMethod.POST, "/api/v1/tenants/authorities", platform, "{\"name\":\"" + name + "\","
                + (gss == null ? "" : "\"gssCode\":\"" + gss + "\",") + "\"kind\":\"DISTRICT\",\"emailDomains\":[\"" + domain
                + "\"],\"firstAdmin\":{\"email\":\"admin@" + domain + "\",\"firstName\":\"A\",\"lastName\":\"B\"}}").get("id");
    }

    private String approved(String name) {
        String id = register(name, null, "a" + ThreadLocalRandom.current().nextInt(1_000_000) + ".gov.uk");
        api().send(HttpMethod.POST, "/api/v1/tenants/authorities/" + id + "/approve", platform, null);
        return id;
    }

    private ApiCalls api() {
        return new ApiCalls(http);
    }
}
