package io.concordat.devstack;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How people sign in, on the real Keycloak: admins give a second factor where a realm binds the
 * realm file's second-factor flows, and a person's token acts for a council only through the
 * organization it names.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedStack.class)
class SignInPolicyEndToEndIT {

    private static final String CALLBACK = "http://127.0.0.1:1/signed-in";
    private static final String PASSWORD = "second-factor-test-password";

    private final ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private final HttpClient http = HttpClient.newHttpClient();
    private final String run = Integer.toString(ThreadLocalRandom.current().nextInt(1_000_000), 36);
    private final String realmName = "second-factor-" + run;
    private Devstack stack;
    private StackClient client;
    private Keycloak keycloak;

    @BeforeAll
    void useTheSharedStack() {
        stack = SharedStack.stack();
        client = new StackClient(stack);
        keycloak = KeycloakBuilder.builder().serverUrl(stack.keycloakUrl()).realm("master").clientId("admin-cli")
                .username(Devstack.KEYCLOAK_ADMIN).password(Devstack.KEYCLOAK_ADMIN_PASSWORD).build();
    }

    @AfterAll
    void removeWhatTheTestsMade() {
        if (keycloak.realms().findAll().stream().anyMatch(r -> r.getRealm().equals(realmName))) {
            keycloak.realm(realmName).remove();
        }
        keycloak.close();
    }

    @Test
    void withTheSecondFactorFlowsBoundAPlatformAdminGivesAOneTimeCodeAndAnOfficerIsNotAsked() throws Exception {
        String browserAdminSecret = secret();
        String directAdminSecret = secret();
        keycloak.realms().create(realmFromTheRealmFileWithTheSecondFactorBound(List.of(
                person("browser.admin", List.of("platform-admin"), browserAdminSecret),
                person("direct.admin", List.of("platform-admin"), directAdminSecret),
                person("county.admin", List.of("authority-admin", "authority-officer"), null),
                person("plain.officer", List.of("authority-officer"), null))));

        SignIn admin = browserSignIn("browser.admin", browserAdminSecret);
        assertTrue(admin.askedForCode(), "the platform admin is asked for a one-time code");
        assertTrue(admin.signedIn(), "and with the code from their authenticator, is signed in");
        SignIn officer = browserSignIn("plain.officer", null);
        assertFalse(officer.askedForCode(), "an officer is not asked");
        assertTrue(officer.signedIn());
        SignIn unenrolledAdmin = browserSignIn("county.admin", null);
        assertTrue(unenrolledAdmin.askedToSetUpAnAuthenticator(), "an authority admin without an authenticator is asked to "
                + "set one up before going on: " + unenrolledAdmin.pages());
        assertFalse(unenrolledAdmin.signedIn());

        assertEquals(401, passwordGrant("direct.admin", null).statusCode(), "a password alone does not sign an admin in");
        HttpResponse<String> withCode = passwordGrant("direct.admin", totp(directAdminSecret, Instant.now()));
        assertEquals(200, withCode.statusCode(), withCode.body());
        assertEquals(200, passwordGrant("plain.officer", null).statusCode(), withCode.body());
    }

    @Test
    void theDevelopmentRealmLeavesTheSecondFactorFlowsUnboundSoDemoAdminsSignInWithAPassword() throws Exception {
        RealmRepresentation concordat = keycloak.realm(Devstack.REALM).toRepresentation();
        assertEquals("browser", concordat.getBrowserFlow());
        assertEquals("direct grant", concordat.getDirectGrantFlow());
        assertTrue(keycloak.realm(Devstack.REALM).flows().getFlows().stream()
                .anyMatch(flow -> flow.getAlias().equals("browser with second factor for admins")), "ready to bind");
        assertEquals(200, client.signInStatus("platform.admin", DemoData.PASSWORD));
    }

    @Test
    void aCouncilMembersPasswordSignInCarriesTheirOrganizationWithoutAskingForIt() throws Exception {
        String platform = client.signIn("platform.admin");
        String bromsgrove = client.get("/api/v1/tenants/authorities?q=" + URLEncoder.encode("Bromsgrove District Council",
                StandardCharsets.UTF_8), platform, 200).get("content").get(0).get("id").asText();
        JsonNode claims = claims(client.signIn("officer.bromsgrove"));
        assertEquals(bromsgrove, organizations(claims), claims.toString());
    }

    @Test
    void aPersonsTokenWithoutAnOrganizationActsForNoCouncilWhateverAttributeTheirAccountCarries() throws Exception {
        String platform = client.signIn("platform.admin");
        String rushcliffe = client.get("/api/v1/tenants/authorities?q=" + URLEncoder.encode("Rushcliffe Borough Council",
                StandardCharsets.UTF_8), platform, 200).get("content").get(0).get("id").asText();
        RealmResource realm = keycloak.realm(Devstack.REALM);
        UserRepresentation handSet = person("hand.set." + run, List.of(), null);
        handSet.setAttributes(Map.of("authority_id", List.of(rushcliffe)));
        String userId;
        try (var created = realm.users().create(handSet)) {
            assertEquals(201, created.getStatus());
            userId = created.getLocation().getPath().replaceAll(".*/", "");
        }
        try {
            realm.users().get(userId).roles().realmLevel().add(List.of(realm.roles().get("authority-officer").toRepresentation()));
            String token = client.signIn("hand.set." + run, PASSWORD);
            assertEquals(rushcliffe, claims(token).get("authority_id").asText(), "the attribute is in the token");
            assertFalse(claims(token).has("organization"), "but no organization: not a member of any");
            client.assertProblem(client.send("POST", "/api/v1/opportunities", token,
                    "{\"title\":\"Acting on a hand-set attribute\",\"serviceArea\":\"support.property\"}"), 403);
        } finally {
            realm.users().get(userId).remove();
        }
    }

    /** The realm file, renamed, with the second-factor flows bound and only the test's people and the scripts' client. */
    private RealmRepresentation realmFromTheRealmFileWithTheSecondFactorBound(List<UserRepresentation> people) throws Exception {
        Path file = Path.of(System.getProperty("concordat.root", "../..")).resolve("infra/keycloak/concordat-realm.json");
        RealmRepresentation realm = json.readValue(Files.readString(file), RealmRepresentation.class);
        realm.setRealm(realmName);
        realm.setBrowserFlow("browser with second factor for admins");
        realm.setDirectGrantFlow("direct grant with second factor for admins");
        ClientRepresentation scripts = realm.getClients().stream().filter(c -> c.getClientId().equals("concordat-cli"))
                .findFirst().orElseThrow();
        scripts.setStandardFlowEnabled(true);
        scripts.setRedirectUris(List.of(CALLBACK));
        realm.setClients(List.of(scripts));
        realm.setUsers(people);
        return realm;
    }

    private static UserRepresentation person(String username, List<String> roles, String otpSecret) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(username);
        user.setEmail(username + "@second-factor.test");
        user.setFirstName("Second");
        user.setLastName("Factor");
        user.setEmailVerified(true);
        user.setEnabled(true);
        user.setRealmRoles(roles);
        CredentialRepresentation password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue(PASSWORD);
        password.setTemporary(false);
        if (otpSecret == null) {
            user.setCredentials(List.of(password));
        } else {
            // an authenticator already enrolled, as Keycloak exports one
            CredentialRepresentation otp = new CredentialRepresentation();
            otp.setType("otp");
            otp.setUserLabel("authenticator");
            otp.setSecretData("{\"value\":\"" + otpSecret + "\"}");
            otp.setCredentialData("{\"subType\":\"totp\",\"digits\":6,\"counter\":0,\"period\":30,\"algorithm\":\"HmacSHA1\"}");
            user.setCredentials(List.of(password, otp));
        }
        return user;
    }

    private static String secret() {
        StringBuilder secret = new StringBuilder();
        ThreadLocalRandom.current().ints(20, 'a', 'z' + 1).forEach(c -> secret.append((char) c));
        return secret.toString();
    }

    /** RFC 6238 with Keycloak's defaults (HMAC-SHA1, 6 digits, 30 seconds); Keycloak keys it with the secret's UTF-8 bytes. */
    static String totp(String secret, Instant at) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(at.getEpochSecond() / 30).array());
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16) | ((hash[offset + 2] & 0xff) << 8)
                | (hash[offset + 3] & 0xff);
        return String.format("%06d", binary % 1_000_000);
    }

    /** What a browser sign-in met: the pages' form fields, in order, and whether it came back with a code. */
    private record SignIn(List<List<String>> pages, boolean signedIn) {
        boolean askedForCode() {
            return pages.stream().anyMatch(fields -> fields.contains("otp"));
        }

        boolean askedToSetUpAnAuthenticator() {
            return pages.stream().anyMatch(fields -> fields.contains("totp"));
        }
    }

    /** Signs in through the realm's pages as a browser would, giving the one-time code when asked and a secret is known. */
    private SignIn browserSignIn(String username, String otpSecret) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new BrowserCookies())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        URI next = URI.create(stack.keycloakUrl() + "/realms/" + realmName + "/protocol/openid-connect/auth?client_id="
                + "concordat-cli&response_type=code&scope=openid&state=" + run + "&redirect_uri=" + enc(CALLBACK));
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(next).build(), HttpResponse.BodyHandlers.ofString());
        List<List<String>> pages = new ArrayList<>();
        for (int step = 0; step < 10; step++) {
            if (page.statusCode() / 100 == 3) {
                URI location = next.resolve(page.headers().firstValue("Location").orElseThrow());
                if (location.toString().startsWith(CALLBACK)) {
                    return new SignIn(pages, location.getQuery().contains("code="));
                }
                next = location;
                page = browser.send(HttpRequest.newBuilder(next).build(), HttpResponse.BodyHandlers.ofString());
                continue;
            }
            assertEquals(200, page.statusCode(), page.body());
            Matcher form = Pattern.compile("<form[^>]*action=\"([^\"]+)\"", Pattern.CASE_INSENSITIVE).matcher(page.body());
            if (!form.find()) {
                return new SignIn(pages, false);
            }
            URI action = next.resolve(form.group(1).replace("&amp;", "&"));
            StringBuilder fields = new StringBuilder();
            List<String> names = new ArrayList<>();
            Matcher input = Pattern.compile("<input([^>]*)>", Pattern.CASE_INSENSITIVE).matcher(page.body());
            while (input.find()) {
                String name = attribute(input.group(1), "name");
                if (name == null) {
                    continue;
                }
                names.add(name);
                String value = switch (name) {
                    case "username" -> username;
                    case "password" -> PASSWORD;
                    case "otp" -> otpSecret == null ? null : totp(otpSecret, Instant.now());
                    default -> attribute(input.group(1), "value");
                };
                if (value != null) {
                    fields.append(fields.isEmpty() ? "" : "&").append(enc(name)).append('=').append(enc(value));
                }
            }
            pages.add(names);
            if (names.contains("otp") && otpSecret == null || names.contains("totp")) {
                return new SignIn(pages, false);
            }
            next = action;
            page = browser.send(HttpRequest.newBuilder(action).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(fields.toString())).build(), HttpResponse.BodyHandlers.ofString());
        }
        throw new AssertionError("the sign-in did not end: " + pages + " " + page.statusCode());
    }

    private HttpResponse<String> passwordGrant(String username, String otp) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(stack.keycloakUrl() + "/realms/" + realmName
                        + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=concordat-cli&username="
                        + enc(username) + "&password=" + enc(PASSWORD) + (otp == null ? "" : "&totp=" + otp))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode claims(String token) throws Exception {
        return json.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }

    /** The one organization a token names (its alias), or what it holds instead. */
    private static String organizations(JsonNode claims) {
        JsonNode claim = claims.get("organization");
        if (claim != null && claim.isArray() && claim.size() == 1) {
            return claim.get(0).asText();
        }
        if (claim != null && claim.isObject() && claim.size() == 1) {
            return claim.fieldNames().next();
        }
        return String.valueOf(claim);
    }

    private static String attribute(String tag, String name) {
        Matcher value = Pattern.compile("\\b" + name + "=\"([^\"]*)\"").matcher(tag);
        return value.find() ? value.group(1).replace("&amp;", "&") : null;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
