package io.concordat.tenants;

import io.concordat.events.EventEnvelope;
import io.concordat.events.EventTypes;
import io.concordat.events.Topics;
import io.concordat.kit.tenancy.Roles;
import io.concordat.kit.testing.ApiCalls;
import io.concordat.kit.testing.ServiceTestProperties;
import io.concordat.kit.testing.TestEvents;
import io.concordat.kit.testing.TestTokens;
import io.concordat.tenants.domain.IdentityProviderLink;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpStatus;
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
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A council's people and roles through the API, with the identity provider's accounts recorded by
 * {@link RecordingStaffDirectory}: who may give which role, and that a refused request changes nothing.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffIT implements TestPropertyProvider {

    private static final Set<String> STAFF_EVENTS = Set.of(EventTypes.STAFF_INVITED.type(), EventTypes.ROLE_GRANTED.type(),
            EventTypes.ROLE_REVOKED.type(), EventTypes.STAFF_REMOVED.type());

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    RecordingStaffDirectory directory;

    @Inject
    RecordingIdentityProviders providers;

    private final TestTokens tokens = TestTokens.get();
    private final String platform = tokens.withoutAuthority(Roles.PLATFORM_ADMIN);

    @Override
    public Map<String, String> getProperties() {
        return ServiceTestProperties.of("tenants");
    }

    @Test
    void aCouncilAdminInvitesGivesAndTakesRolesAndRemovesALeaverAndEachChangeIsPublished() {
        String council = approved("Rushcliffe Borough Council");
        String admin = admin(council);
        Map<?, ?> invited = invite(council, admin, "officer", "[\"authority-officer\"]");
        String officer = (String) ((Map<?, ?>) invited.get("person")).get("userId");
        assertNotNull(invited.get("initialPassword"), "the development stack reveals a first password");
        String councillor = userId(invite(council, admin, "councillor", null));
        assertEquals(List.of("authority-officer"), roles(council, admin, councillor), "authority-officer when none are named");

        Map<?, ?> granted = api().put(staff(council) + "/" + councillor + "/roles/board-member", admin, null);
        assertEquals(List.of("authority-officer", "board-member"), granted.get("roles"));
        api().send(HttpMethod.DELETE, staff(council) + "/" + councillor + "/roles/authority-officer", admin, null);
        assertEquals(List.of("board-member"), roles(council, admin, councillor));
        assertEquals(2, api().list(staff(council), admin).size());

        assertEquals(HttpStatus.NO_CONTENT, api().status(HttpMethod.DELETE, staff(council) + "/" + officer, admin, null));
        RecordingStaffDirectory.Account left = directory.accounts.get(officer);
        assertFalse(left.enabled(), "a leaver of their only council cannot sign in");
        assertEquals(1, left.signOuts(), "and was signed out everywhere");
        assertEquals(Set.of(), left.organizations());
        assertEquals(Set.of(), left.roles());
        assertEquals(1, api().list(staff(council), admin).size());

        List<EventEnvelope> events = TestEvents.readAll(Topics.TENANTS, e -> e.subject().equals(council)
                && STAFF_EVENTS.contains(e.type()), Duration.ofSeconds(10));
        assertEquals(Map.of(EventTypes.STAFF_INVITED.type(), 2L, EventTypes.ROLE_GRANTED.type(), 1L,
                EventTypes.ROLE_REVOKED.type(), 1L, EventTypes.STAFF_REMOVED.type(), 1L),
                events.stream().collect(Collectors.groupingBy(EventEnvelope::type, Collectors.counting())));
        assertTrue(events.stream().allMatch(e -> e.authorityId().equals(UUID.fromString(council))));
    }

    @Test
    void councilAndRegionAdminsAreAskedForASecondFactorAndOtherStaffAreNot() {
        String council = approved("Bassetlaw District Council");
        String admin = admin(council);
        String newAdmin = userId(invite(council, admin, "new.admin", "[\"authority-admin\"]"));
        String officer = userId(invite(council, admin, "officer", "[\"authority-officer\",\"board-member\"]"));
        assertTrue(directory.askedForSecondFactor.contains(newAdmin));
        assertFalse(directory.askedForSecondFactor.contains(officer));

        api().put(staff(council) + "/" + officer + "/roles/region-admin", platform, null);
        assertTrue(directory.askedForSecondFactor.contains(officer), "region-admin asks for it too");
    }

    @Test
    void nobodyGivesARoleAboveTheirOwn() {
        String council = approved("Gedling Borough Council");
        String admin = admin(council);
        String person = userId(invite(council, admin, "person", null));
        String before = directory.snapshot();

        assertRefused(HttpStatus.FORBIDDEN, "role-above-your-own", HttpMethod.PUT, staff(council) + "/" + person
                + "/roles/region-admin", admin, null);
        assertRefused(HttpStatus.FORBIDDEN, "role-not-grantable", HttpMethod.PUT, staff(council) + "/" + person
                + "/roles/platform-admin", admin, null);
        assertRefused(HttpStatus.FORBIDDEN, "role-not-grantable", HttpMethod.PUT, staff(council) + "/" + person
                + "/roles/platform-admin", platform, null);
        assertRefused(HttpStatus.FORBIDDEN, "role-above-your-own", HttpMethod.POST, staff(council), admin,
                body(council, "someone", "[\"region-admin\"]"));
        assertRefused(HttpStatus.FORBIDDEN, "not-your-authority", HttpMethod.PUT, staff(council) + "/" + person
                + "/roles/authority-admin", tokens.forAuthority(UUID.fromString(council), Roles.AUTHORITY_OFFICER), null);
        assertEquals(before, directory.snapshot(), "nothing changed in the identity provider");

        assertEquals(List.of("authority-officer", "region-admin"), api().put(staff(council) + "/" + person
                + "/roles/region-admin", platform, null).get("roles"), "the platform gives region-admin");
    }

    @Test
    void aRegionAdminGivesTheRegionalRolesToStaffOfTheRegionsMembersOnly() {
        String council = approved("Broxtowe Borough Council");
        String neighbour = approved("Ashfield District Council");
        String stranger = approved("Mansfield District Council");
        String region = region(council, neighbour);
        String elsewhere = region(neighbour, stranger);
        String person = userId(invite(council, admin(council), "person", null));
        String regionAdmin = tokens.forAuthority(UUID.fromString(neighbour), Roles.REGION_ADMIN, Roles.REGIONAL_VIEWER);
        String path = staff(council) + "/" + person + "/roles/";

        assertEquals(List.of("authority-officer", "regional-viewer"),
                api().put(path + "regional-viewer?regionId=" + region, regionAdmin, null).get("roles"));
        assertEquals(List.of("authority-officer", "region-admin", "regional-viewer"),
                api().put(path + "region-admin?regionId=" + region, regionAdmin, null).get("roles"));
        String before = directory.snapshot();
        assertRefused(HttpStatus.FORBIDDEN, "role-above-your-own", HttpMethod.PUT, path + "board-member?regionId=" + region,
                regionAdmin, null);
        assertRefused(HttpStatus.FORBIDDEN, "not-your-authority", HttpMethod.DELETE, path + "region-admin?regionId="
                + elsewhere, regionAdmin, null);
        assertRefused(HttpStatus.FORBIDDEN, "not-your-authority", HttpMethod.DELETE, path + "region-admin", regionAdmin, null);
        assertRefused(HttpStatus.FORBIDDEN, "not-your-authority", HttpMethod.GET, staff(council), regionAdmin, null);
        assertEquals(before, directory.snapshot());

        List<EventEnvelope> granted = TestEvents.readAll(Topics.TENANTS, e -> e.subject().equals(council)
                && e.type().equals(EventTypes.ROLE_GRANTED.type()), Duration.ofSeconds(10));
        assertEquals(2, granted.size());
        assertTrue(granted.stream().allMatch(e -> e.regionIds().equals(List.of(UUID.fromString(region)))),
                "each regional grant names its region");
    }

    @Test
    void malformedEmailUnknownRoleAndDuplicateInvitationAreProblemsAndChangeNothing() {
        String council = approved("Newark and Sherwood District Council");
        String admin = admin(council);
        String person = userId(invite(council, admin, "taken", null));
        String before = directory.snapshot();

        assertRefused(HttpStatus.BAD_REQUEST, "malformed-email", HttpMethod.POST, staff(council), admin,
                "{\"email\":\"not an email\",\"firstName\":\"A\",\"lastName\":\"B\"}");
        assertRefused(HttpStatus.BAD_REQUEST, "unknown-role", HttpMethod.POST, staff(council), admin,
                body(council, "new", "[\"chief-executive\"]"));
        assertRefused(HttpStatus.BAD_REQUEST, "unknown-role", HttpMethod.PUT, staff(council) + "/" + person
                + "/roles/chief-executive", admin, null);
        assertRefused(HttpStatus.CONFLICT, "already-invited", HttpMethod.POST, staff(council), admin, body(council, "taken", null));
        assertRefused(HttpStatus.NOT_FOUND, "person-not-found", HttpMethod.PUT, staff(council) + "/" + UUID.randomUUID()
                + "/roles/board-member", admin, null);
        assertEquals(before, directory.snapshot(), "nothing changed in the identity provider");
        assertEquals(1, TestEvents.readAll(Topics.TENANTS, e -> e.subject().equals(council) && STAFF_EVENTS.contains(e.type()),
                Duration.ofSeconds(3)).size(), "only the first invitation was published");
    }

    @Test
    void onlyThePlatformMakesAPersonStaffOfASecondCouncilAndChangesTheirRoles() {
        String first = approved("Bromsgrove District Council");
        String second = approved("Redditch Borough Council");
        String email = "shared.chief" + ThreadLocalRandom.current().nextInt(1_000_000) + "@example.gov.uk";
        String shared = userId(api().post(staff(first), admin(first), "{\"email\":\"" + email
                + "\",\"firstName\":\"Kevin\",\"lastName\":\"Dicks\"}"));
        String body = "{\"email\":\"" + email + "\",\"firstName\":\"Kevin\",\"lastName\":\"Dicks\"}";

        assertRefused(HttpStatus.CONFLICT, "already-invited", HttpMethod.POST, staff(second), admin(second), body);
        assertEquals(shared, userId(api().post(staff(second), platform, body)), "the same person, now in both councils");
        assertEquals(Set.of("org-" + first, "org-" + second), directory.accounts.get(shared).organizations());
        assertRefused(HttpStatus.FORBIDDEN, "shared-person", HttpMethod.PUT, staff(second) + "/" + shared
                + "/roles/authority-admin", admin(second), null);

        assertEquals(HttpStatus.NO_CONTENT, api().status(HttpMethod.DELETE, staff(second) + "/" + shared, admin(second), null));
        RecordingStaffDirectory.Account account = directory.accounts.get(shared);
        assertTrue(account.enabled(), "still signs in for the first council");
        assertEquals(Set.of("org-" + first), account.organizations());
        assertEquals(Set.of("authority-officer"), account.roles());
    }

    @Test
    void aCouncilLinksSeveralIdentityProvidersEachForItsOwnDomainsListsThemAndUnlinksOne() {
        String council = approved("Rushcliffe Borough Council");
        String domain = domainOf(council);
        String admin = admin(council);
        Map<?, ?> entra = api().post(providers(council), admin, "{\"name\":\"entra\",\"protocol\":\"oidc\",\"metadataUrl\":"
                + "\"https://login.microsoftonline.com/example/v2.0/.well-known/openid-configuration\",\"clientId\":\"concordat\","
                + "\"clientSecret\":\"s3cret\",\"emailDomains\":[\"" + domain + "\"]}");
        assertEquals("authority-" + council + "-entra", entra.get("alias"));
        assertEquals("authority-officer", entra.get("defaultRole"), "everyone arriving through it starts as an officer");
        assertEquals(domain, providers.linked.get("authority-" + council + "-entra").organizationDomain());

        String legal = "legal-" + domain;
        Map<?, ?> saml = api().post(providers(council), admin, "{\"name\":\"legal\",\"protocol\":\"SAML\",\"metadataUrl\":"
                + "\"https://idp.example.gov.uk/metadata\",\"emailDomains\":[\"" + legal + "\"],\"defaultRole\":\"board-member\"}");
        assertEquals(List.of(legal), saml.get("emailDomains"));
        assertEquals(List.of(domain, legal), api().get("/api/v1/tenants/authorities/" + council, platform).get("emailDomains"),
                "a domain that was not yet the council's becomes its own");
        assertEquals(Set.of(legal), providers.addedDomains.get("org-" + council), "and its organization's");

        List<?> linked = api().list(providers(council), admin);
        assertEquals(List.of("authority-" + council + "-entra", "authority-" + council + "-legal"),
                linked.stream().map(p -> ((Map<?, ?>) p).get("alias")).toList());
        assertEquals(List.of(domain), ((Map<?, ?>) linked.get(0)).get("emailDomains"));

        assertRefused(HttpStatus.CONFLICT, "domain-has-a-provider", HttpMethod.POST, providers(council), platform,
                "{\"name\":\"another\",\"protocol\":\"SAML\",\"metadataUrl\":\"https://idp.example.gov.uk/m\","
                        + "\"emailDomains\":[\"" + domain + "\"]}");
        assertEquals(HttpStatus.NO_CONTENT, api().status(HttpMethod.DELETE, providers(council) + "/authority-" + council
                + "-legal", admin, null));
        assertEquals(1, api().list(providers(council), admin).size());
        assertRefused(HttpStatus.NOT_FOUND, "identity-provider-not-found", HttpMethod.DELETE, providers(council)
                + "/authority-" + council + "-legal", admin, null);
    }

    @Test
    void oneProviderForAllTheCouncilsDomainsIsLinkedForEveryDomainAndSomeButNotAllIsRefused() {
        String council = approved("Bassetlaw District Council");
        String domain = domainOf(council);
        String more = "more-" + domain;
        Map<?, ?> linked = api().post(providers(council), admin(council), "{\"protocol\":\"SAML\",\"metadataUrl\":"
                + "\"https://idp.example.gov.uk/metadata\",\"emailDomains\":[\"" + domain + "\",\"" + more + "\"]}");
        assertEquals("authority-" + council, linked.get("alias"));
        assertEquals(IdentityProviderLink.EVERY_DOMAIN, providers.linked.get("authority-" + council).organizationDomain());
        assertEquals(List.of(domain, more), ((Map<?, ?>) api().list(providers(council), admin(council)).get(0)).get("emailDomains"));

        String other = approved("Newark and Sherwood District Council");
        api().send(HttpMethod.PATCH, "/api/v1/tenants/authorities/" + other, platform, "{\"emailDomains\":[\"a-"
                + domainOf(other) + "\",\"b-" + domainOf(other) + "\",\"" + domainOf(other) + "\"]}");
        assertRefused(HttpStatus.BAD_REQUEST, "one-domain-or-all", HttpMethod.POST, providers(other), admin(other),
                "{\"protocol\":\"SAML\",\"metadataUrl\":\"https://idp.example.gov.uk/metadata\",\"emailDomains\":[\"a-"
                        + domainOf(other) + "\",\"b-" + domainOf(other) + "\"]}");
        assertTrue(providers.of("org-" + other).isEmpty());
    }

    @Test
    void aDomainOfAnotherCouncilOrATakenNameIs409AndLeavesTheCouncilsDomainsAndProvidersAsTheyWere() {
        String council = approved("Gedling Borough Council");
        String neighbour = approved("Broxtowe Borough Council");
        String admin = admin(council);
        List<?> domainsBefore = (List<?>) api().get("/api/v1/tenants/authorities/" + council, platform).get("emailDomains");
        assertRefused(HttpStatus.CONFLICT, "email-domain-taken", HttpMethod.POST, providers(council), admin,
                "{\"protocol\":\"SAML\",\"metadataUrl\":\"https://idp.example.gov.uk/m\",\"emailDomains\":[\""
                        + domainOf(neighbour) + "\"]}");
        api().post(providers(council), admin, "{\"name\":\"entra\",\"protocol\":\"SAML\",\"metadataUrl\":"
                + "\"https://idp.example.gov.uk/m\",\"emailDomains\":[\"" + domainOf(council) + "\"]}");
        assertRefused(HttpStatus.CONFLICT, "provider-already-linked", HttpMethod.POST, providers(council), admin,
                "{\"name\":\"entra\",\"protocol\":\"SAML\",\"metadataUrl\":\"https://idp.example.gov.uk/m\","
                        + "\"emailDomains\":[\"new-" + domainOf(council) + "\"]}");
        assertEquals(domainsBefore, api().get("/api/v1/tenants/authorities/" + council, platform).get("emailDomains"),
                "a refused link adds no domain");
        assertEquals(1, providers.of("org-" + council).size());
        assertTrue(providers.addedDomains.getOrDefault("org-" + council, Set.of()).isEmpty());
    }

    @Test
    void aMalformedOrUnreachableMetadataUrlOrDomainOrNameOrAMissingClientIsAProblemAndLinksNothing() {
        String council = approved("Ashfield District Council");
        String domain = domainOf(council);
        String admin = admin(council);
        String oidc = "\"protocol\":\"OIDC\",\"clientId\":\"c\",\"clientSecret\":\"s\",";
        String domains = ",\"emailDomains\":[\"" + domain + "\"]}";
        assertRefused(HttpStatus.BAD_REQUEST, "malformed-metadata-url", HttpMethod.POST, providers(council), admin,
                "{" + oidc + "\"metadataUrl\":\"not a url\"" + domains);
        assertRefused(HttpStatus.BAD_REQUEST, "malformed-metadata-url", HttpMethod.POST, providers(council), admin,
                "{" + oidc + "\"metadataUrl\":\"http://idp.example.gov.uk/metadata\"" + domains);
        assertRefused(HttpStatus.UNPROCESSABLE_ENTITY, "metadata-unusable", HttpMethod.POST, providers(council), admin,
                "{" + oidc + "\"metadataUrl\":\"https://idp.example.gov.uk:1/metadata\"" + domains);
        assertRefused(HttpStatus.BAD_REQUEST, "malformed-email-domain", HttpMethod.POST, providers(council), admin,
                "{" + oidc + "\"metadataUrl\":\"https://idp.example.gov.uk/metadata\",\"emailDomains\":[\"not a domain\"]}");
        assertRefused(HttpStatus.BAD_REQUEST, "malformed-provider-name", HttpMethod.POST, providers(council), admin,
                "{\"name\":\"Entra ID!\"," + oidc + "\"metadataUrl\":\"https://idp.example.gov.uk/metadata\"" + domains);
        assertRefused(HttpStatus.BAD_REQUEST, "client-required", HttpMethod.POST, providers(council), admin,
                "{\"protocol\":\"OIDC\",\"metadataUrl\":\"https://idp.example.gov.uk/m\"" + domains);
        assertRefused(HttpStatus.BAD_REQUEST, "unknown-protocol", HttpMethod.POST, providers(council), admin,
                "{\"protocol\":\"LDAP\",\"metadataUrl\":\"https://idp.example.gov.uk/m\"" + domains);
        assertRefused(HttpStatus.FORBIDDEN, "not-your-authority", HttpMethod.POST, providers(council),
                admin(approved("Mansfield District Council")), "{\"protocol\":\"SAML\",\"metadataUrl\":"
                        + "\"https://idp.example.gov.uk/m\"" + domains);
        assertTrue(providers.of("org-" + council).isEmpty());
        assertEquals(List.of(domain), api().get("/api/v1/tenants/authorities/" + council, platform).get("emailDomains"));
    }

    private String domainOf(String council) {
        return (String) ((List<?>) api().get("/api/v1/tenants/authorities/" + council, platform).get("emailDomains")).get(0);
    }

    private static String providers(String council) {
        return "/api/v1/tenants/authorities/" + council + "/identity-providers";
    }

    private void assertRefused(HttpStatus status, String type, HttpMethod method, String path, String token, String body) {
        HttpClientResponseException refused = assertThrows(HttpClientResponseException.class,
                () -> api().exchange(method, path, token, body), method + " " + path);
        assertEquals(status, refused.getStatus(), refused.getResponse().getBody(String.class).orElse(""));
        assertEquals("application/problem+json", refused.getResponse().getContentType().map(Object::toString).orElse(""));
        assertTrue(refused.getResponse().getBody(String.class).orElse("").contains("urn:concordat:problem:" + type),
                refused.getResponse().getBody(String.class).orElse(""));
    }

    private Map<?, ?> invite(String council, String token, String who, String roles) {
        return api().post(staff(council), token, body(council, who, roles));
    }

    private static String body(String council, String who, String roles) {
        return "{\"email\":\"" + who + "@" + council.substring(0, 8) + ".staff.example.gov.uk\",\"firstName\":\"" + who + "\",\"lastName\":\"Smith\""
                + (roles == null ? "" : ",\"roles\":" + roles) + "}";
    }

    private static String userId(Map<?, ?> invitation) {
        return (String) ((Map<?, ?>) invitation.get("person")).get("userId");
    }

    private List<?> roles(String council, String token, String userId) {
        return (List<?>) api().list(staff(council), token).stream().filter(p -> userId.equals(p.get("userId"))).findFirst()
                .orElseThrow().get("roles");
    }

    private static String staff(String council) {
        return "/api/v1/tenants/authorities/" + council + "/staff";
    }

    private String admin(String council) {
        return tokens.forAuthority(UUID.fromString(council), Roles.AUTHORITY_ADMIN, Roles.AUTHORITY_OFFICER);
    }

    private String region(String... members) {
        return (String) api().post("/api/v1/tenants/regions", platform, "{\"name\":\"Staff " + UUID.randomUUID()
                + "\",\"kind\":\"PARTNERSHIP\",\"memberAuthorityIds\":[\"" + String.join("\",\"", members) + "\"]}").get("id");
    }

    private String approved(String name) {
        String domain = "s" + ThreadLocalRandom.current().nextInt(1_000_000) + ".gov.uk";
        String id = (String) api().post("/api/v1/tenants/authorities", platform, "{\"name\":\"" + name
                + "\",\"kind\":\"DISTRICT\",\"emailDomains\":[\"" + domain + "\"],\"firstAdmin\":{\"email\":\"admin@"
                + domain + "\",\"firstName\":\"A\",\"lastName\":\"B\"}}").get("id");
        api().post("/api/v1/tenants/authorities/" + id + "/approve", platform, null);
        return id;
    }

    private ApiCalls api() {
        return new ApiCalls(http);
    }
}
