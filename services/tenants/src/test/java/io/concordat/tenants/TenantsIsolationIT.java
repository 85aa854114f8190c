package io.concordat.tenants;

import io.concordat.kit.tenancy.Roles;
import io.concordat.kit.testing.ApiCalls;
import io.concordat.kit.testing.ServiceTestProperties;
import io.concordat.kit.testing.Superuser;
import io.concordat.kit.testing.TestTokens;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every endpoint of the tenants service, tried with the tokens an attacker or a former member
 * would hold: another authority's admin, a region admin whose authority left the region, a
 * forged token and a token whose authority claim was edited. None may read what is private or
 * change anything, a council's people and their roles included.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantsIsolationIT implements TestPropertyProvider {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    DataSource dataSource;

    @Inject
    RecordingStaffDirectory staffDirectory;

    @Inject
    RecordingIdentityProviders identityProviders;

    private final TestTokens tokens = TestTokens.get();
    private final String platform = tokens.withoutAuthority(Roles.PLATFORM_ADMIN);
    private String member;
    private String leaver;
    private String outsider;
    private String pending;
    private String region;
    private String request;
    private String person;

    @Override
    public Map<String, String> getProperties() {
        return ServiceTestProperties.of("tenants");
    }

    @BeforeAll
    void aRegionWithAPendingRequestAndAFormerMember() {
        member = approved("Member Council");
        leaver = approved("Former Member Council");
        outsider = approved("Outsider Council");
        String asking = approved("Asking Council");
        pending = register("Pending Council");
        region = (String) api().send(HttpMethod.POST, "/api/v1/tenants/regions", platform, "{\"name\":\"Isolation "
                + UUID.randomUUID() + "\",\"kind\":\"PARTNERSHIP\",\"memberAuthorityIds\":[\"" + member + "\",\"" + leaver
                + "\"]}").get("id");
        request = (String) api().send(HttpMethod.POST, "/api/v1/tenants/regions/" + region + "/membership-requests",
                admin(asking), null).get("id");
        api().send(HttpMethod.POST, "/api/v1/tenants/regions/" + region + "/members/" + leaver + "/leave", admin(leaver), null);
        person = (String) ((Map<?, ?>) api().send(HttpMethod.POST, staff(member), admin(member), "{\"email\":\"officer@"
                + member.substring(0, 8) + ".example.gov.uk\",\"firstName\":\"O\",\"lastName\":\"Officer\"}").get("person"))
                .get("userId");
    }

    private static String staff(String authority) {
        return "/api/v1/tenants/authorities/" + authority + "/staff";
    }

    @Test
    void noEndpointLeaksOrChangesAnythingForTheWrongToken() {
        List<ApiCalls.Call> calls = List.of(
                new ApiCalls.Call(HttpMethod.POST, "/api/v1/tenants/authorities", "{\"name\":\"Rogue\",\"kind\":\"DISTRICT\","
                        + "\"firstAdmin\":{\"email\":\"r@rogue.gov.uk\",\"firstName\":\"R\",\"lastName\":\"R\"}}"),
                new ApiCalls.Call(HttpMethod.POST, "/api/v1/tenants/authorities/" + pending + "/approve", null),
                new ApiCalls.Call(HttpMethod.POST, "/api/v1/tenants/authorities/" + member + "/suspend", "{\"reason\":\"x\"}"),
                new ApiCalls.Call(HttpMethod.PATCH, "/api/v1/tenants/authorities/" + member, "{\"name\":\"Renamed\"}"),
                new ApiCalls.Call(HttpMethod.POST, "/api/v1/tenants/regions", "{\"name\":\"Rogue\",\"kind\":\"OTHER\","
                        + "\"memberAuthorityIds\":[\"" + member + "\"]}"),
                new ApiCalls.Call(HttpMethod.PUT, "/api/v1/tenants/regions/" + region + "/board",
                        "{\"membersPerAuthority\":1,\"rule\":\"CONSENSUS\"}"),
                new ApiCalls.Call(HttpMethod.POST, "/api/v1/tenants/regions/" + region + "/membership-requests/" + request + "/approve", null),
                new ApiCalls.Call(HttpMethod.POST, "/api/v1/tenants/regions/" + region + "/membership-requests/" + request + "/decline",
                        "{\"reason\":\"x\"}"),
                new ApiCalls.Call(HttpMethod.POST, "/api/v1/tenants/regions/" + region + "/members/" + member + "/leave", null),
                new ApiCalls.Call(HttpMethod.POST, "/api/v1/tenants/regions/" + region + "/members/" + member + "/leave",
                        "{\"leftOn\":\"2015-01-01\"}"),
                new ApiCalls.Call(HttpMethod.POST, "/api/v1/tenants/regions/" + region + "/membership-requests/" + request + "/approve",
                        "{\"joinedOn\":\"2010-04-01\"}"),
                new ApiCalls.Call(HttpMethod.POST, "/api/v1/tenants/authorities/" + pending + "/reject", "{\"reason\":\"x\"}"),
                new ApiCalls.Call(HttpMethod.POST, "/api/v1/tenants/regions/" + region + "/close", "{\"reason\":\"x\"}"),
                new ApiCalls.Call(HttpMethod.GET, staff(member), null),
                new ApiCalls.Call(HttpMethod.POST, staff(member), "{\"email\":\"rogue@example.gov.uk\",\"firstName\":\"R\","
                        + "\"lastName\":\"R\",\"roles\":[\"authority-admin\"]}"),
                new ApiCalls.Call(HttpMethod.PUT, staff(member) + "/" + person + "/roles/authority-admin", null),
                new ApiCalls.Call(HttpMethod.DELETE, staff(member) + "/" + person + "/roles/authority-officer", null),
                new ApiCalls.Call(HttpMethod.PUT, staff(member) + "/" + person + "/roles/region-admin?regionId=" + region, null),
                new ApiCalls.Call(HttpMethod.PUT, staff(member) + "/" + person + "/roles/regional-viewer?regionId=" + region, null),
                new ApiCalls.Call(HttpMethod.PUT, staff(outsider) + "/" + person + "/roles/authority-admin", null),
                new ApiCalls.Call(HttpMethod.DELETE, staff(outsider) + "/" + person, null),
                new ApiCalls.Call(HttpMethod.DELETE, staff(member) + "/" + person, null),
                new ApiCalls.Call(HttpMethod.POST, "/api/v1/tenants/authorities/" + member + "/identity-providers", "{\"protocol\":"
                        + "\"SAML\",\"metadataUrl\":\"https://idp.example.gov.uk/m\",\"emailDomains\":[\"x.gov.uk\"]}"),
                new ApiCalls.Call(HttpMethod.GET, "/api/v1/tenants/authorities/" + member + "/identity-providers", null),
                new ApiCalls.Call(HttpMethod.DELETE, "/api/v1/tenants/authorities/" + member + "/identity-providers/authority-"
                        + member, null));
        Map<String, String> wrongTokens = Map.of(
                "another authority's admin and region admin", tokens.forAuthority(UUID.fromString(outsider),
                        Roles.AUTHORITY_ADMIN, Roles.REGION_ADMIN, Roles.AUTHORITY_OFFICER),
                "a region admin whose authority left the region", tokens.forAuthority(UUID.fromString(leaver),
                        Roles.REGION_ADMIN, Roles.AUTHORITY_OFFICER),
                "a forged token", tokens.forged(UUID.fromString(member), Roles.AUTHORITY_ADMIN, Roles.REGION_ADMIN,
                        Roles.PLATFORM_ADMIN),
                "a token whose authority claim was edited", tokens.tampered(UUID.fromString(outsider),
                        UUID.fromString(member), Roles.AUTHORITY_ADMIN, Roles.REGION_ADMIN));
        String before = state();
        String accounts = staffDirectory.snapshot();
        String providers = new java.util.TreeMap<>(identityProviders.linked).toString() + identityProviders.addedDomains;
        assertEquals(List.of(), api().leaks(wrongTokens, calls));
        assertEquals(before, state(), "no wrong token changed anything");
        assertEquals(accounts, staffDirectory.snapshot(), "nor anyone's sign-in, membership or roles");
        assertEquals(providers, new java.util.TreeMap<>(identityProviders.linked).toString() + identityProviders.addedDomains,
                "nor any council's identity providers");
    }

    @Test
    void privateReadsShowNothingToTheWrongToken() {
        String outsiderOfficer = tokens.forAuthority(UUID.fromString(outsider), Roles.AUTHORITY_ADMIN, Roles.AUTHORITY_OFFICER);
        String formerMember = tokens.forAuthority(UUID.fromString(leaver), Roles.REGION_ADMIN, Roles.AUTHORITY_OFFICER);

        assertEquals(0, api().list("/api/v1/tenants/regions/" + region + "/membership-requests", outsiderOfficer).size());
        assertEquals(0, api().list("/api/v1/tenants/regions/" + region + "/membership-requests", formerMember).size());
        assertEquals(1, api().list("/api/v1/tenants/regions/" + region + "/membership-requests",
                tokens.forAuthority(UUID.fromString(member), Roles.AUTHORITY_OFFICER)).size());
        assertEquals(HttpStatus.NOT_FOUND, api().status(HttpMethod.GET, "/api/v1/tenants/authorities/" + pending, outsiderOfficer, null));
        assertEquals(HttpStatus.FORBIDDEN, api().status(HttpMethod.GET, "/api/v1/tenants/authorities?status=PENDING",
                outsiderOfficer, null));
        assertNull(api().send(HttpMethod.GET, "/api/v1/tenants/authorities/" + member, outsiderOfficer, null).get("firstAdmin"));
        for (String token : List.of(tokens.forged(UUID.fromString(member), Roles.AUTHORITY_OFFICER),
                tokens.tampered(UUID.fromString(outsider), UUID.fromString(member), Roles.AUTHORITY_OFFICER))) {
            assertEquals(HttpStatus.UNAUTHORIZED, api().status(HttpMethod.GET, "/api/v1/tenants/regions/" + region
                    + "/membership-requests", token, null));
            assertEquals(HttpStatus.UNAUTHORIZED, api().status(HttpMethod.GET, "/api/v1/tenants/authorities", token, null));
        }
    }

    @Test
    void aTokenMintedForAnotherClientIsRefusedWith401() {
        String otherAudience = tokens.forAnotherAudience(UUID.fromString(member), Roles.AUTHORITY_ADMIN, Roles.PLATFORM_ADMIN);
        assertEquals(HttpStatus.UNAUTHORIZED, api().status(HttpMethod.GET, "/api/v1/tenants/authorities", otherAudience, null));
        assertEquals(HttpStatus.UNAUTHORIZED, api().status(HttpMethod.GET, staff(member), otherAudience, null));
        assertEquals(HttpStatus.OK, api().status(HttpMethod.GET, staff(member),
                tokens.forOrganization(UUID.fromString(member), Roles.AUTHORITY_ADMIN), null),
                "the same council's admin, signed in for its organization");
        assertEquals(HttpStatus.FORBIDDEN, api().status(HttpMethod.GET, staff(member),
                tokens.forOrganization(UUID.fromString(outsider), Roles.AUTHORITY_ADMIN), null));
    }

    @Test
    void rawSqlThroughTheServicesPoolWithoutATenantSeesNoRequests() throws SQLException {
        assertTrue(Superuser.count("tenants", "select count(*) from membership_request") > 0);
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select count(*) from membership_request")) {
            rs.next();
            assertEquals(0, rs.getLong(1));
        }
    }

    /** A fingerprint of everything an attacker could try to change. */
    private static String state() {
        return Superuser.count("tenants", "select count(*) from authority") + "/"
                + Superuser.count("tenants", "select count(*) from authority where status = 'APPROVED'") + "/"
                + Superuser.count("tenants", "select count(*) from region") + "/"
                + Superuser.count("tenants", "select count(*) from region_member where left_on is null") + "/"
                + Superuser.count("tenants", "select count(*) from membership_request where status = 'PENDING'") + "/"
                + Superuser.count("tenants", "select count(*) from region where board_rule is not null") + "/"
                + Superuser.count("tenants", "select count(*) from authority where name = 'Renamed'");
    }

    private String register(String name) {
        String domain = "c" + ThreadLocalRandom.current().nextInt(1_000_000) + ".gov.uk";
        return (String) api().send(HttpMethod.POST, "/api/v1/tenants/authorities", platform, "{\"name\":\"" + name
                + "\",\"kind\":\"DISTRICT\",\"emailDomains\":[\"" + domain + "\"],\"firstAdmin\":{\"email\":\"admin@"
                + domain + "\",\"firstName\":\"A\",\"lastName\":\"B\"}}").get("id");
    }

    private String approved(String name) {
        String id = register(name);
        api().send(HttpMethod.POST, "/api/v1/tenants/authorities/" + id + "/approve", platform, null);
        return id;
    }

    private String admin(String authority) {
        return tokens.forAuthority(UUID.fromString(authority), Roles.AUTHORITY_ADMIN);
    }

    private ApiCalls api() {
        return new ApiCalls(http);
    }
}
