package io.concordat.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * People and identity on the real Keycloak: a council's admin invites and removes its people and
 * gives their roles through the API, a person of two councils chooses which one they act for, and
 * tokens minted for another client are refused.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedStack.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IdentityEndToEndIT {

    private static final Duration EVENTUAL = Duration.ofSeconds(60);

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String run = Integer.toString(ThreadLocalRandom.current().nextInt(1_000_000), 36);
    private Devstack stack;
    private StackClient client;
    private Keycloak keycloak;
    private RealmResource realm;
    private String platform;
    private String rushcliffe;
    private String gedling;
    private String partnership;
    private String rushcliffeAdmin;
    private Person officer;
    private Person councillor;

    /** Someone invited through the API: their id and the first password the development stack reveals. */
    private record Person(String userId, String email, String password) {
    }

    @BeforeAll
    void useTheSharedStack() throws Exception {
        stack = SharedStack.stack();
        client = new StackClient(stack);
        keycloak = KeycloakBuilder.builder().serverUrl(stack.keycloakUrl()).realm("master").clientId("admin-cli")
                .username(Devstack.KEYCLOAK_ADMIN).password(Devstack.KEYCLOAK_ADMIN_PASSWORD).build();
        realm = keycloak.realm(Devstack.REALM);
        platform = client.signIn("platform.admin");
        rushcliffe = authorityId("Rushcliffe Borough Council");
        gedling = authorityId("Gedling Borough Council");
        for (JsonNode region : client.get("/api/v1/tenants/regions?authorityId=" + rushcliffe, platform, 200)) {
            if (region.get("name").asText().equals("Gedling and Rushcliffe Partnership")) {
                partnership = region.get("id").asText();
            }
        }
        Person admin = invite(rushcliffe, platform, "admin", "[\"authority-admin\",\"authority-officer\"]");
        rushcliffeAdmin = signIn(admin, "organization");
    }

    @AfterAll
    void closeTheAdminClient() {
        keycloak.close();
    }

    @Test
    @Order(1)
    void aCouncilsAdminInvitesAnOfficerAndACouncillorWhoSignInWithTheirRolesAndTheCouncillorVotes() throws Exception {
        officer = invite(rushcliffe, rushcliffeAdmin, "officer", "[\"authority-officer\"]");
        councillor = invite(rushcliffe, rushcliffeAdmin, "councillor", "[\"regional-viewer\"]");
        JsonNode granted = client.get("/api/v1/tenants/authorities/" + rushcliffe + "/staff", rushcliffeAdmin, 200);
        assertTrue(granted.size() >= 3, granted.toString());
        HttpResponse<String> board = client.send("PUT", "/api/v1/tenants/authorities/" + rushcliffe + "/staff/"
                + councillor.userId() + "/roles/board-member", rushcliffeAdmin, null);
        assertEquals(200, board.statusCode(), board.body());
        assertEquals(List.of("board-member", "regional-viewer"), realmRoles(councillor.userId()),
                "Keycloak holds the role given through the API");

        String officerToken = signIn(officer, "organization");
        String councillorToken = signIn(councillor, "organization");
        assertEquals(List.of(rushcliffe), organizations(officerToken), "tokens carry the council's organization");
        assertTrue(claims(officerToken).get("roles").toString().contains("authority-officer"));
        assertTrue(claims(councillorToken).get("roles").toString().contains("board-member"));

        client.send("PUT", "/api/v1/tenants/regions/" + partnership + "/board", platform,
                "{\"membersPerAuthority\":3,\"rule\":\"SIMPLE_MAJORITY\"}");
        String opportunity = propose(officerToken, "Shared licensing team " + run, "[\"" + partnership + "\"]");
        assertEquals(200, client.send("POST", "/api/v1/opportunities/" + opportunity + "/stage", officerToken,
                "{\"to\":\"IN_PRINCIPLE\"}").statusCode());
        awaitStatus(200, () -> client.send("POST", "/api/v1/opportunities/" + opportunity + "/stage", officerToken,
                "{\"to\":\"BOARD_RECOMMENDATION\",\"boardRegionId\":\"" + partnership + "\"}"));
        HttpResponse<String> vote = client.send("POST", "/api/v1/opportunities/" + opportunity + "/board/votes",
                councillorToken, "{\"inFavour\":true}");
        assertEquals(200, vote.statusCode(), vote.body());
        assertEquals(1, json.readTree(vote.body()).get("votes").asInt());
        client.assertProblem(client.send("POST", "/api/v1/opportunities/" + opportunity + "/board/votes", officerToken,
                "{\"inFavour\":true}"), 403);
    }

    @Test
    @Order(2)
    void theAdminRemovesTheOfficerWhoIsSignedOutEverywhereAndCannotSignInAgain() throws Exception {
        HttpResponse<String> session = tokenRequest("grant_type=password&client_id=concordat-cli&scope=organization&username="
                + enc(officer.email()) + "&password=" + enc(officer.password()));
        String refreshToken = json.readTree(session.body()).get("refresh_token").asText();

        HttpResponse<String> removed = client.send("DELETE", "/api/v1/tenants/authorities/" + rushcliffe + "/staff/"
                + officer.userId(), rushcliffeAdmin, null);
        assertEquals(204, removed.statusCode(), removed.body());

        assertEquals(400, tokenRequest("grant_type=refresh_token&client_id=concordat-cli&refresh_token="
                + enc(refreshToken)).statusCode(), "the session was ended");
        assertEquals(400, client.signInStatus(officer.email(), officer.password()), "the account no longer signs in");
        UserRepresentation account = realm.users().get(officer.userId()).toRepresentation();
        assertFalse(account.isEnabled());
        assertTrue(realm.organizations().get(organizationOf(rushcliffe)).members().search(officer.email(), true, 0, 1).isEmpty());
        assertEquals(List.of(), realmRoles(officer.userId()));
        JsonNode people = client.get("/api/v1/tenants/authorities/" + rushcliffe + "/staff", rushcliffeAdmin, 200);
        assertFalse(people.toString().contains(officer.userId()));
    }

    @Test
    @Order(3)
    void malformedEmailUnknownRoleDuplicateInvitationAndEscalationAreProblemsAndKeycloakIsUnchanged() throws Exception {
        String staff = "/api/v1/tenants/authorities/" + rushcliffe + "/staff";
        String before = keycloakState();

        client.assertProblem(client.send("POST", staff, rushcliffeAdmin,
                "{\"email\":\"not-an-email\",\"firstName\":\"A\",\"lastName\":\"B\"}"), 400);
        client.assertProblem(client.send("POST", staff, rushcliffeAdmin, "{\"email\":\"new." + run
                + "@rushcliffe.gov.uk\",\"firstName\":\"A\",\"lastName\":\"B\",\"roles\":[\"chief-executive\"]}"), 400);
        client.assertProblem(client.send("POST", staff, rushcliffeAdmin, "{\"email\":\"" + councillor.email()
                + "\",\"firstName\":\"A\",\"lastName\":\"B\"}"), 409);
        client.assertProblem(client.send("PUT", staff + "/" + councillor.userId() + "/roles/region-admin",
                rushcliffeAdmin, null), 403);
        client.assertProblem(client.send("PUT", staff + "/" + councillor.userId() + "/roles/platform-admin",
                rushcliffeAdmin, null), 403);
        client.assertProblem(client.send("POST", staff, rushcliffeAdmin, "{\"email\":\"boss." + run
                + "@rushcliffe.gov.uk\",\"firstName\":\"A\",\"lastName\":\"B\",\"roles\":[\"platform-admin\"]}"), 403);

        assertEquals(before, keycloakState());
    }

    @Test
    @Order(4)
    void anotherCouncilsAdminCannotSeeInviteIntoGiveRolesInOrRemovePeopleFromRushcliffe() throws Exception {
        String gedlingAdmin = signIn(invite(gedling, platform, "admin", "[\"authority-admin\",\"authority-officer\"]"),
                "organization");
        String staff = "/api/v1/tenants/authorities/" + rushcliffe + "/staff";
        String before = keycloakState();

        client.assertProblem(client.send("GET", staff, gedlingAdmin, null), 403);
        client.assertProblem(client.send("POST", staff, gedlingAdmin, "{\"email\":\"mole." + run
                + "@gedling.gov.uk\",\"firstName\":\"A\",\"lastName\":\"B\"}"), 403);
        client.assertProblem(client.send("PUT", staff + "/" + councillor.userId() + "/roles/authority-admin", gedlingAdmin,
                null), 403);
        client.assertProblem(client.send("DELETE", staff + "/" + councillor.userId() + "/roles/board-member", gedlingAdmin,
                null), 403);
        client.assertProblem(client.send("DELETE", staff + "/" + councillor.userId(), gedlingAdmin, null), 403);
        client.assertProblem(client.send("PUT", "/api/v1/tenants/authorities/" + gedling + "/staff/" + councillor.userId()
                + "/roles/authority-admin", gedlingAdmin, null), 404);
        client.assertProblem(client.send("PUT", "/api/v1/tenants/authorities/" + gedling + "/staff/" + councillor.userId()
                + "/roles/region-admin?regionId=" + partnership, gedlingAdmin, null), 403);

        assertEquals(before, keycloakState());
    }

    @Test
    @Order(5)
    void aTokenMintedForAnotherClientGets401() throws Exception {
        HttpResponse<String> minted = tokenRequest("grant_type=client_credentials&client_id=concordat-tenants"
                + "&client_secret=tenants-dev-secret");
        assertEquals(200, minted.statusCode(), minted.body());
        String other = json.readTree(minted.body()).get("access_token").asText();
        assertEquals(401, client.send("GET", "/api/v1/tenants/regions", other, null).statusCode());
        assertEquals(401, client.send("GET", "/api/v1/opportunities", other, null).statusCode());
        assertTrue(claims(client.signIn("officer.bromsgrove")).get("aud").toString().contains("concordat-api"));
    }

    @Test
    @Order(6)
    void aPersonOfTwoCouncilsActsForTheOneTheyChoseAndEachWriteIsAttributedToIt() throws Exception {
        Person shared = invite(gedling, platform, "chief.executive", "[\"authority-officer\"]");
        HttpResponse<String> second = client.send("POST", "/api/v1/tenants/authorities/" + rushcliffe + "/staff", platform,
                "{\"email\":\"" + shared.email() + "\",\"firstName\":\"Shared\",\"lastName\":\"Chief\"}");
        assertEquals(201, second.statusCode(), second.body());
        assertEquals(shared.userId(), json.readTree(second.body()).get("person").get("userId").asText(), "the same person");

        String forGedling = signIn(shared, "organization:" + gedling);
        assertEquals(List.of(gedling), organizations(forGedling));
        String gedlingOwn = propose(forGedling, "Gedling's own depot review " + run, "[]");
        String forRushcliffe = signIn(shared, "organization:" + rushcliffe);
        assertEquals(List.of(rushcliffe), organizations(forRushcliffe));
        String rushcliffeOwn = propose(forRushcliffe, "Rushcliffe's own depot review " + run, "[]");

        assertEquals(gedling, client.get("/api/v1/opportunities/" + gedlingOwn, forGedling, 200)
                .get("opportunity").get("authorityId").asText());
        assertEquals(rushcliffe, client.get("/api/v1/opportunities/" + rushcliffeOwn, forRushcliffe, 200)
                .get("opportunity").get("authorityId").asText());
        assertEquals(404, client.send("GET", "/api/v1/opportunities/" + gedlingOwn, forRushcliffe, null).statusCode(),
                "acting for Rushcliffe, Gedling's private opportunity is not seen");
        assertEquals(404, client.send("GET", "/api/v1/opportunities/" + rushcliffeOwn, forGedling, null).statusCode());

        String unchosen = signIn(shared, "organization");
        assertTrue(organizations(unchosen).size() != 1, "a token that names no one council: " + organizations(unchosen));
        client.assertProblem(client.send("POST", "/api/v1/opportunities", unchosen,
                "{\"title\":\"Whose is this\",\"serviceArea\":\"support.property\"}"), 403);
    }

    @Test
    @Order(7)
    void aUserOfTheCouncilsOwnIdentityProviderSignsInThroughItAndLandsWithTheCouncilsAuthorityAndDefaultRole()
            throws Exception {
        String idpRealm = "rushcliffe-idp";
        String broker = stack.issuer() + "/broker/authority-" + rushcliffe + "/endpoint";
        RealmRepresentation own = new RealmRepresentation();
        own.setRealm(idpRealm);
        own.setEnabled(true);
        ClientRepresentation concordat = new ClientRepresentation();
        concordat.setClientId("concordat");
        concordat.setSecret("rushcliffe-broker-secret");
        concordat.setPublicClient(false);
        concordat.setStandardFlowEnabled(true);
        concordat.setRedirectUris(List.of(broker));
        own.setClients(List.of(concordat));
        String email = "jo.bloggs." + run + "@rushcliffe.gov.uk";
        UserRepresentation jo = new UserRepresentation();
        jo.setUsername("jo.bloggs");
        jo.setEmail(email);
        jo.setFirstName("Jo");
        jo.setLastName("Bloggs");
        jo.setEmailVerified(true);
        jo.setEnabled(true);
        CredentialRepresentation password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue("rushcliffe-own-password");
        password.setTemporary(false);
        jo.setCredentials(List.of(password));
        own.setUsers(List.of(jo));
        keycloak.realms().create(own);

        String link = "/api/v1/tenants/authorities/" + rushcliffe + "/identity-providers";
        String metadata = stack.keycloakUrl() + "/realms/" + idpRealm + "/.well-known/openid-configuration";
        String secondDomain = "rushcliffe-" + run + ".test";
        int providersBefore = realm.identityProviders().findAll().size();
        int domainsBefore = realm.organizations().get(organizationOf(rushcliffe)).toRepresentation().getDomains().size();
        client.assertProblem(client.send("POST", link, rushcliffeAdmin, "{\"protocol\":\"OIDC\",\"metadataUrl\":\"not a url\","
                + "\"clientId\":\"concordat\",\"clientSecret\":\"x\",\"emailDomains\":[\"rushcliffe.gov.uk\"]}"), 400);
        client.assertProblem(client.send("POST", link, rushcliffeAdmin, "{\"protocol\":\"OIDC\",\"metadataUrl\":"
                + "\"http://127.0.0.1:1/realms/nowhere/.well-known/openid-configuration\",\"clientId\":\"concordat\","
                + "\"clientSecret\":\"x\",\"emailDomains\":[\"rushcliffe.gov.uk\",\"" + secondDomain + "\"]}"), 422);
        client.assertProblem(client.send("POST", link, rushcliffeAdmin, "{\"protocol\":\"OIDC\",\"metadataUrl\":\""
                + metadata + "\",\"clientId\":\"concordat\",\"clientSecret\":\"x\",\"emailDomains\":[\"rushcliffe.gov.uk\","
                + "\"gedling.gov.uk\"]}"), 409);
        assertEquals(providersBefore, realm.identityProviders().findAll().size(), "Keycloak unchanged");
        assertEquals(domainsBefore, realm.organizations().get(organizationOf(rushcliffe)).toRepresentation().getDomains().size());

        HttpResponse<String> linked = client.send("POST", link, rushcliffeAdmin, "{\"protocol\":\"OIDC\",\"metadataUrl\":\""
                + metadata + "\",\"clientId\":\"concordat\",\"clientSecret\":\"rushcliffe-broker-secret\","
                + "\"emailDomains\":[\"rushcliffe.gov.uk\",\"" + secondDomain + "\"]}");
        assertEquals(201, linked.statusCode(), linked.body());
        JsonNode listed = client.get(link, rushcliffeAdmin, 200);
        assertEquals(1, listed.size(), listed.toString());
        assertEquals("[\"rushcliffe.gov.uk\",\"" + secondDomain + "\"]", listed.get(0).get("emailDomains").toString(),
                "one provider for both of the council's domains, the new one now the council's");

        String token = browserSignIn(email, "rushcliffe-own-password");
        assertEquals(List.of(rushcliffe), organizations(token), "the council's authority, from its organization");
        assertTrue(claims(token).get("roles").toString().contains("authority-officer"), claims(token).toString());
        assertFalse(claims(token).has("authority_id"), "no attribute set by hand");
        String proposed = propose(token, "Brought our own sign-in " + run, "[]");
        assertEquals(rushcliffe, client.get("/api/v1/opportunities/" + proposed, token, 200).get("opportunity")
                .get("authorityId").asText());
        assertFalse(realm.organizations().get(organizationOf(rushcliffe)).members().search(email, true, 0, 1).isEmpty(),
                "a member of the council's organization");
    }

    /**
     * Signs in as a browser would, through Keycloak's pages: the Concordat sign-in page asks for the
     * email, sends the person on to their council's provider by its domain, whose page takes the
     * password, and back; the code is then exchanged as the portal does.
     */
    private String browserSignIn(String email, String password) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new BrowserCookies())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        // as the portal signs people in: its callback on the stack's gateway, with PKCE (S256), which its client requires
        String callback = stack.gatewayUrl() + "/oauth/callback/concordat";
        String verifier = UUID.randomUUID() + "-" + UUID.randomUUID();
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                java.security.MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        URI next = URI.create(stack.issuer() + "/protocol/openid-connect/auth?client_id=concordat-portal&response_type=code"
                + "&scope=" + enc("openid organization") + "&redirect_uri=" + enc(callback) + "&state=" + run
                + "&code_challenge=" + challenge + "&code_challenge_method=S256");
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(next).build(), HttpResponse.BodyHandlers.ofString());
        for (int step = 0; step < 20; step++) {
            if (page.statusCode() / 100 == 3) {
                URI location = next.resolve(page.headers().firstValue("Location").orElseThrow());
                if (location.toString().startsWith(callback)) {
                    String code = location.getQuery().replaceAll(".*(?:^|&)code=([^&]+).*", "$1");
                    HttpResponse<String> tokens = tokenRequest("grant_type=authorization_code&client_id=concordat-portal"
                            + "&client_secret=portal-dev-secret&redirect_uri=" + enc(callback) + "&code=" + enc(code)
                            + "&code_verifier=" + verifier);
                    assertEquals(200, tokens.statusCode(), tokens.body());
                    return json.readTree(tokens.body()).get("access_token").asText();
                }
                next = location;
                page = browser.send(HttpRequest.newBuilder(next).build(), HttpResponse.BodyHandlers.ofString());
                continue;
            }
            assertEquals(200, page.statusCode(), page.body());
            Matcher form = Pattern.compile("<form[^>]*action=\"([^\"]+)\"", Pattern.CASE_INSENSITIVE).matcher(page.body());
            assertTrue(form.find(), "a sign-in form: " + page.body());
            URI action = next.resolve(form.group(1).replace("&amp;", "&"));
            StringBuilder fields = new StringBuilder();
            Matcher input = Pattern.compile("<input([^>]*)>", Pattern.CASE_INSENSITIVE).matcher(page.body());
            while (input.find()) {
                String name = attribute(input.group(1), "name");
                if (name == null) {
                    continue;
                }
                String value = switch (name) {
                    case "username", "email" -> email;
                    case "password" -> password;
                    case "firstName" -> "Jo";
                    case "lastName" -> "Bloggs";
                    default -> attribute(input.group(1), "value");
                };
                if (value != null) {
                    fields.append(fields.isEmpty() ? "" : "&").append(enc(name)).append('=').append(enc(value));
                }
            }
            next = action;
            page = browser.send(HttpRequest.newBuilder(action).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(fields.toString())).build(), HttpResponse.BodyHandlers.ofString());
        }
        throw new AssertionError("the sign-in did not come back to Concordat: " + page.statusCode() + " " + page.body());
    }

    private static String attribute(String tag, String name) {
        Matcher value = Pattern.compile("\\b" + name + "=\"([^\"]*)\"").matcher(tag);
        return value.find() ? value.group(1).replace("&amp;", "&") : null;
    }

    private String propose(String token, String title, String regionIds) throws Exception {
        String body = "{\"title\":\"" + title + "\",\"serviceArea\":\"support.property\",\"horizon\":\"QUICK_WIN\","
                + "\"regionIds\":" + regionIds + "}";
        HttpResponse<String> proposed = awaitStatus(201, () -> client.send("POST", "/api/v1/opportunities", token, body));
        return json.readTree(proposed.body()).get("id").asText();
    }

    private Person invite(String authority, String token, String who, String roles) throws Exception {
        String email = who + "." + run + "@" + (authority.equals(gedling) ? "gedling" : "rushcliffe") + ".gov.uk";
        HttpResponse<String> invited = client.send("POST", "/api/v1/tenants/authorities/" + authority + "/staff", token,
                "{\"email\":\"" + email + "\",\"firstName\":\"" + who + "\",\"lastName\":\"Tester\",\"roles\":" + roles + "}");
        assertEquals(201, invited.statusCode(), invited.body());
        JsonNode body = json.readTree(invited.body());
        return new Person(body.get("person").get("userId").asText(), email, body.get("initialPassword").asText());
    }

    private String signIn(Person person, String scope) throws Exception {
        HttpResponse<String> response = tokenRequest("grant_type=password&client_id=concordat-cli&scope=" + enc(scope)
                + "&username=" + enc(person.email()) + "&password=" + enc(person.password()));
        assertEquals(200, response.statusCode(), response.body());
        return json.readTree(response.body()).get("access_token").asText();
    }

    private HttpResponse<String> tokenRequest(String form) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(stack.issuer() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode claims(String token) throws IOException {
        return json.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }

    private List<String> organizations(String token) throws IOException {
        List<String> aliases = new ArrayList<>();
        JsonNode claim = claims(token).get("organization");
        if (claim != null && claim.isArray()) {
            claim.forEach(alias -> aliases.add(alias.asText()));
        } else if (claim != null && claim.isObject()) {
            claim.fieldNames().forEachRemaining(aliases::add);
        } else if (claim != null) {
            aliases.add(claim.asText());
        }
        return aliases;
    }

    private List<String> realmRoles(String userId) {
        return realm.users().get(userId).roles().realmLevel().listAll().stream().map(RoleRepresentation::getName)
                .filter(name -> !name.startsWith("default-roles")).sorted().toList();
    }

    private String organizationOf(String authority) {
        return realm.organizations().searchByAttribute("authority_id:" + authority).get(0).getId();
    }

    /** Every account, organization membership and realm role of the two councils' people, as Keycloak holds them. */
    private String keycloakState() {
        StringBuilder state = new StringBuilder().append(realm.users().count()).append('\n');
        for (String authority : List.of(rushcliffe, gedling)) {
            realm.organizations().get(organizationOf(authority)).members().getAll().stream()
                    .sorted((a, b) -> a.getId().compareTo(b.getId()))
                    .forEach(m -> state.append(authority).append(' ').append(m.getId()).append(' ').append(m.isEnabled())
                            .append(' ').append(realmRoles(m.getId())).append('\n'));
        }
        return state.toString();
    }

    private String authorityId(String name) throws Exception {
        JsonNode found = client.get("/api/v1/tenants/authorities?q=" + enc(name), platform, 200).get("content");
        return found.get(0).get("id").asText();
    }

    private interface Call {
        HttpResponse<String> send() throws Exception;
    }

    /** Retries while what the call needs (a board, a membership) has not yet reached the service through Kafka. */
    private HttpResponse<String> awaitStatus(int expected, Call call) throws Exception {
        long deadline = System.nanoTime() + EVENTUAL.toNanos();
        HttpResponse<String> response = call.send();
        while (response.statusCode() != expected && System.nanoTime() < deadline) {
            Thread.sleep(500);
            response = call.send();
        }
        assertEquals(expected, response.statusCode(), response.body());
        return response;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
