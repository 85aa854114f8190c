package io.concordat.devstack;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.ClientResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The portal in a real browser (Debian's headless chromium through its chromedriver, driven by
 * Selenium) against the whole stack: council staff and councillors sign in on Keycloak's own page
 * through the gateway and take an opportunity from idea to decision. Every page of the journey,
 * each form also with its errors showing, is checked with axe-core (no serious or critical
 * violation) and photographed under target/portal-screenshots.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedStack.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PortalJourneyEndToEndIT {

    private static final Duration EVENTUAL = Duration.ofSeconds(60);
    private static final Path SHOTS = Path.of("target", "portal-screenshots");
    private static final Path AXE_FIGURES = SHOTS.resolve("axe-figures.txt");

    private final String run = Integer.toString(ThreadLocalRandom.current().nextInt(1_000_000), 36);
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final List<String> axeFigures = new ArrayList<>();
    private Devstack stack;
    private StackClient client;
    private WebDriver browser;
    private String portal;
    private String bromsgrove;
    private String redditch;
    private String alliance;
    private String opportunity;
    private int shot;
    private boolean signInPhotographed;

    @BeforeAll
    void startTheBrowser() throws Exception {
        Optional<Path> chromium = onPath("chromium");
        Optional<Path> chromedriver = onPath("chromedriver");
        if (chromium.isEmpty() || chromedriver.isEmpty()) {
            String missing = "chromium and chromedriver are needed for the portal's browser journey"
                    + " (infra/devstack/tools/install-browser installs them from Debian's archive)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(missing + ", and CI must run it");
            }
            Assumptions.abort("skipped: " + missing);
        }
        stack = SharedStack.stack();
        client = new StackClient(stack);
        portal = stack.gatewayUrl();
        String platform = client.signIn("platform.admin");
        bromsgrove = authorityId(platform, "Bromsgrove District Council");
        redditch = authorityId(platform, "Redditch Borough Council");
        for (JsonNode region : client.get("/api/v1/tenants/regions?authorityId=" + bromsgrove, platform, 200)) {
            if (region.get("name").asText().equals(DemoData.ALLIANCE)) {
                alliance = region.get("id").asText();
            }
        }
        Files.createDirectories(SHOTS);
        // this run's pictures only
        try (Stream<Path> old = Files.list(SHOTS)) {
            for (Path picture : old.filter(file -> file.toString().endsWith(".png")).toList()) {
                Files.delete(picture);
            }
        }

        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.get().toFile());
        // no sandbox: CI containers run as root, where chromium's sandbox cannot start
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,1100", "--lang=en-GB");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.get().toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    @AfterAll
    void stopTheBrowser() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (!axeFigures.isEmpty()) {
            Files.write(AXE_FIGURES, axeFigures);
        }
    }

    @Test
    @Order(1)
    void councilStaffAndCouncillorsTakeAnOpportunityFromIdeaToDecisionInTheBrowserAndTheArrangementIsHosted()
            throws Exception {
        long started = System.nanoTime();
        String title = "Shared elections service, run " + run;

        // Bromsgrove's officer signs in on Keycloak's page, from the portal's start page
        browser.get(portal + "/");
        check("start");
        follow(By.cssSelector("a[href='/oauth/login/concordat']"));
        signIn("officer.bromsgrove");
        assertTrue(text("council").contains("Bromsgrove"), text("council"));
        check("home");
        browser.get(portal + "/opportunities");
        check("opportunities");

        // propose it, shared with the alliance; bad input first
        browser.get(portal + "/opportunities/new");
        check("propose");
        type("title", title);
        type("description", "One elections team for both councils, hosted by one of them.");
        submit();
        assertErrors("serviceArea", "model");
        assertEquals(title, value("title"), "what the user typed is kept");
        assertEquals("One elections team for both councils, hosted by one of them.", value("description"));
        check("propose-errors");
        new Select(browser.findElement(By.id("serviceArea"))).selectByValue("support.elections");
        new Select(browser.findElement(By.id("model"))).selectByValue("JOINT_PROVISION_WITH_HOST");
        choose("horizon", "QUICK_WIN");
        choose("proposerRole", "PROSPECTIVE_RECIPIENT");
        choose("share", alliance);
        submit();
        assertTrue(browser.getCurrentUrl().matches(".*/opportunities/[0-9a-f-]{36}$"), this::whereWeAre);
        opportunity = browser.getCurrentUrl().substring(browser.getCurrentUrl().lastIndexOf('/') + 1);
        assertEquals("Idea", text("stage"));
        check("opportunity-idea");
        signOut();

        // Redditch's officer, asking for the opportunity while signed out, signs in and lands on it
        browser.get(portal + "/opportunities/" + opportunity);
        signIn("officer.redditch");
        assertEquals(portal + "/opportunities/" + opportunity, browser.getCurrentUrl(), "returned to the page asked for");
        follow(By.id("join"));
        check("join");
        choose("role", "PROSPECTIVE_HOST");
        submit();
        assertErrors("status");
        assertTrue(checked("role", "PROSPECTIVE_HOST"), "the role chosen is kept");
        check("join-errors");
        choose("status", "COMMITTED");
        submit();
        assertTrue(text("participants").contains("Redditch"), text("participants"));
        signOut();

        // Bromsgrove accepts Redditch, writes the business case and takes it to the board
        browser.get(portal + "/opportunities/" + opportunity);
        signIn("officer.bromsgrove");
        follow(By.id("accept-" + redditch));
        assertFalse(browser.findElements(By.id("accept-" + redditch)).stream().anyMatch(WebElement::isDisplayed));
        follow(By.id("write-case"));
        check("business-case");
        type("investigationCost", "a lot");
        type("implementationCost", "30000");
        type("financialYear", "2027");
        submit();
        assertErrors("investigationCost", "financialYear");
        assertEquals("a lot", value("investigationCost"));
        assertEquals("30000", value("implementationCost"));
        assertEquals("2027", value("financialYear"));
        check("business-case-errors");
        type("investigationCost", "12000");
        type("externalFunding", "5000");
        type("financialYear", "2027/28");
        type("saving-" + bromsgrove, "40000");
        type("saving-" + redditch, "25000");
        type("benefits", "Resilience at election time\nOne manager to recruit, not two");
        new Select(browser.findElement(By.id("riskCategory"))).selectByValue("OPERATIONAL");
        type("riskDescription", "Both councils' elections fall on the same day");
        type("riskLikelihood", "3");
        type("riskImpact", "4");
        choose("staffing", "no");
        submit();
        assertTrue(browser.findElement(By.id("risk-matrix")).isDisplayed());
        assertTrue(text("savings").contains("£40,000.00"), text("savings"));
        check("opportunity-business-case");

        follow(By.id("move-IN_PRINCIPLE"));
        check("stage");
        type("note", "Both chief executives agree in principle");
        submit();
        assertEquals("In-principle discussion", text("stage"));
        follow(By.id("move-BOARD_RECOMMENDATION"));
        check("stage-board");
        type("note", "For the Shared Services Board");
        submit();
        assertErrors("boardRegionId");
        assertEquals("For the Shared Services Board", value("note"));
        check("stage-board-errors");
        choose("boardRegionId", alliance);
        submit();
        assertEquals("Board recommendation", text("stage"));
        check("opportunity-at-board");
        signOut();

        // each board member votes
        for (String member : List.of("board.bromsgrove", "board.redditch")) {
            browser.get(portal + "/opportunities/" + opportunity);
            signIn(member);
            assertTrue(browser.findElements(By.id("move-IN_PRINCIPLE")).isEmpty(), "a councillor is not offered officers' actions");
            follow(By.id("vote"));
            if (member.equals("board.bromsgrove")) {
                check("vote");
                submit();
                assertErrors("inFavour");
                check("vote-errors");
            }
            choose("inFavour", "true");
            submit();
            assertEquals(portal + "/opportunities/" + opportunity, browser.getCurrentUrl(), "the vote was taken");
            signOut();
        }

        // Bromsgrove closes the vote and sees the recommendation with its rule in words; each council decides
        browser.get(portal + "/opportunities/" + opportunity);
        signIn("officer.bromsgrove");
        follow(By.id("close-vote"));
        String recommendation = text("recommendation-text");
        assertTrue(recommendation.contains("Consensus; where there is none, at least a set number of councillors from each council in support."),
                recommendation);
        check("opportunity-recommended");
        decide("OFFICER_DELEGATED", true);
        signOut();
        browser.get(portal + "/opportunities/" + opportunity);
        signIn("officer.redditch");
        decide("CABINET", false);
        assertEquals("Decided by each council", text("stage"));
        assertTrue(text("decisions").contains("Bromsgrove") && text("decisions").contains("Redditch"), text("decisions"));
        check("opportunity-decided");

        // the arrangement appears in hosting, Redditch hosting it for Bromsgrove
        String redditchToken = client.signIn("officer.redditch");
        JsonNode arrangement = eventually(() -> {
            for (JsonNode a : client.get("/api/v1/hosting/arrangements", redditchToken, 200)) {
                if (opportunity.equals(a.path("opportunityId").asText())) {
                    return a;
                }
            }
            return null;
        });
        assertEquals(redditch, arrangement.get("hostAuthorityId").asText(), arrangement.toString());
        assertTrue(arrangement.get("recipients").toString().contains(bromsgrove), arrangement.toString());
        assertEquals("DECIDED", client.get("/api/v1/opportunities/" + opportunity, redditchToken, 200)
                .get("opportunity").get("stage").asText());

        // a vacancy, posted through its form, among the vacancies with their suggested partners
        browser.get(portal + "/vacancies");
        check("vacancies");
        browser.get(portal + "/vacancies/new");
        check("vacancy-new");
        type("title", "Electoral Services Manager " + run);
        type("grade", "Grade 9");
        type("closingDate-day", "31");
        type("closingDate-month", "2");
        type("closingDate-year", "2099");
        submit();
        assertErrors("serviceArea", "closingDate-day");
        assertEquals("Electoral Services Manager " + run, value("title"));
        assertEquals("31", value("closingDate-day"));
        check("vacancy-errors");
        new Select(browser.findElement(By.id("serviceArea"))).selectByValue("support.elections");
        type("closingDate-day", "28");
        submit();
        assertTrue(browser.getPageSource().contains("Electoral Services Manager " + run));
        check("vacancies-posted");
        browser.get(portal + "/");
        check("home-redditch");
        signOut();

        System.out.printf("portal journey: %d pages checked with axe-core, %.1f s in the browser%n", axeFigures.size(),
                (System.nanoTime() - started) / 1e9);
    }

    @Test
    @Order(2)
    void aFormPostedWithoutItsCsrfTokenIsRefusedAndChangesNothing() throws Exception {
        signedOut();
        browser.get(portal + "/opportunities/new");
        signIn("officer.bromsgrove");
        Cookie session = browser.manage().getCookieNamed("concordat_session");
        String token = client.signIn("officer.bromsgrove");
        long before = client.get("/api/v1/opportunities", token, 200).get("totalSize").asLong();
        String title = "Posted without its token " + run;
        String form = "title=" + enc(title) + "&serviceArea=support.property&model=SHARED_PROPERTY&horizon=QUICK_WIN"
                + "&proposerRole=PROPOSER&share=OWN";
        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create(portal + "/opportunities"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", session.getName() + "=" + session.getValue())
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("This form could not be sent"), refused.body());
        HttpResponse<String> wrong = http.send(HttpRequest.newBuilder(URI.create(portal + "/opportunities"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", session.getName() + "=" + session.getValue())
                .POST(HttpRequest.BodyPublishers.ofString(form + "&csrfToken=not-the-sessions")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(403, wrong.statusCode());
        assertEquals(before, client.get("/api/v1/opportunities", token, 200).get("totalSize").asLong(), "nothing proposed");
        assertFalse(client.get("/api/v1/opportunities?q=" + enc(title), token, 200).toString().contains(title));
        signOut();
    }

    @Test
    @Order(3)
    void aCouncilOutsideTheRegionGetsPageNotFoundForAnotherCouncilsPrivateOpportunity() throws Exception {
        signedOut();
        String platform = client.signIn("platform.admin");
        String bromsgroveToken = client.signIn("officer.bromsgrove");
        HttpResponse<String> kept = client.send("POST", "/api/v1/opportunities", bromsgroveToken,
                "{\"title\":\"Bromsgrove's own depot review " + run + "\",\"serviceArea\":\"support.property\","
                        + "\"horizon\":\"QUICK_WIN\",\"regionIds\":[]}");
        assertEquals(201, kept.statusCode(), kept.body());
        String privateOne = client.json().readTree(kept.body()).get("id").asText();

        String gedling = authorityId(platform, "Gedling Borough Council");
        String email = "officer." + run + "@gedling.gov.uk";
        HttpResponse<String> invited = client.send("POST", "/api/v1/tenants/authorities/" + gedling + "/staff", platform,
                "{\"email\":\"" + email + "\",\"firstName\":\"Gedling\",\"lastName\":\"Officer\",\"roles\":[\"authority-officer\"]}");
        assertEquals(201, invited.statusCode(), invited.body());
        String password = client.json().readTree(invited.body()).get("initialPassword").asText();

        browser.get(portal + "/opportunities/" + privateOne);
        signIn(email, password);
        assertEquals(portal + "/opportunities/" + privateOne, browser.getCurrentUrl());
        assertEquals("Page not found", browser.findElement(By.tagName("h1")).getText());
        assertFalse(browser.getPageSource().contains("depot review"), "nothing of it is shown");
        check("not-found");
        // and the page answers 404, not a page that only says so
        Cookie session = browser.manage().getCookieNamed("concordat_session");
        assertEquals(404, http.send(HttpRequest.newBuilder(URI.create(portal + "/opportunities/" + privateOne))
                .header("Cookie", session.getName() + "=" + session.getValue()).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode());
        signOut();
    }

    @Test
    @Order(4)
    void anExpiredAccessTokenIsRefreshedThroughKeycloakAndARefusedRefreshSendsThePersonToSignIn() throws Exception {
        try (Keycloak admin = KeycloakBuilder.builder().serverUrl(stack.keycloakUrl()).realm("master").clientId("admin-cli")
                .username(Devstack.KEYCLOAK_ADMIN).password(Devstack.KEYCLOAK_ADMIN_PASSWORD).build()) {
            var realm = admin.realm(Devstack.REALM);
            ClientResource portalClient = realm.clients().get(realm.clients().findByClientId("concordat-portal").get(0).getId());
            ClientRepresentation before = portalClient.toRepresentation();
            Map<String, String> attributes = new HashMap<>(before.getAttributes());
            ClientRepresentation shortLived = portalClient.toRepresentation();
            // access tokens for the portal that live 15 seconds (long enough for the sign-in itself to check
            // its ID token on a busy machine): the one given at sign-in is soon expired
            attributes.put("access.token.lifespan", "15");
            shortLived.setAttributes(attributes);
            portalClient.update(shortLived);
            try {
                signedOut();
                browser.get(portal + "/opportunities");
                signIn("officer.redditch");
                Thread.sleep(16_000);
                browser.get(portal + "/opportunities");
                assertEquals(portal + "/opportunities", browser.getCurrentUrl());
                assertFalse(browser.findElements(By.linkText("Shared elections service")).isEmpty(),
                        "the services answered with the alliance's opportunities: the portal refreshed the expired token");

                // Keycloak ends the person's sessions: the next refresh is refused and they sign in again
                String userId = realm.users().searchByUsername("officer.redditch", true).get(0).getId();
                // the portal refreshes shortly before expiry, so with tokens this short every page refreshes
                realm.users().get(userId).logout();
                browser.get(portal + "/vacancies");
                new WebDriverWait(browser, Duration.ofSeconds(20))
                        .until(d -> d.getCurrentUrl().startsWith(stack.issuer()));
                assertFalse(browser.findElements(By.id("password")).isEmpty()
                        && browser.findElements(By.id("username")).isEmpty(), "Keycloak's sign-in page");
                signIn("officer.redditch");
                assertEquals(portal + "/vacancies", browser.getCurrentUrl(), "back to the page asked for");
                signOut();
            } finally {
                portalClient.update(before);
            }
        }
    }

    // ---- the browser

    /** Signs in on Keycloak's page (a first page for the name, a second for the password, or one for both). */
    private void signIn(String username) {
        signIn(username, DemoData.PASSWORD);
    }

    private void signIn(String username, String password) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(d -> d.getCurrentUrl().startsWith(stack.issuer()));
        if (!signInPhotographed) {
            screenshot("keycloak-sign-in");
            signInPhotographed = true;
        }
        for (int page = 0; page < 3 && browser.getCurrentUrl().startsWith(stack.issuer()); page++) {
            List<WebElement> name = browser.findElements(By.id("username"));
            if (!name.isEmpty() && name.get(0).isDisplayed() && name.get(0).isEnabled()) {
                name.get(0).clear();
                name.get(0).sendKeys(username);
            }
            List<WebElement> secret = browser.findElements(By.id("password"));
            if (!secret.isEmpty() && secret.get(0).isDisplayed()) {
                secret.get(0).sendKeys(password);
            }
            follow(By.id("kc-login"));
        }
        wait.until(d -> d.getCurrentUrl().startsWith(portal) && !d.getCurrentUrl().contains("/oauth/"));
    }

    /** Forgets every cookie of 127.0.0.1 (the portal's and Keycloak's: cookies do not tell ports apart). */
    private void signedOut() {
        ((ChromeDriver) browser).executeCdpCommand("Network.clearBrowserCookies", Map.of());
    }

    private void signOut() {
        follow(By.id("sign-out"));
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().equals(portal + "/signed-out"));
        if (axeFigures.stream().noneMatch(line -> line.startsWith("signed-out "))) {
            check("signed-out");
        }
    }

    private void decide(String body, boolean withErrors) {
        follow(By.id("decide"));
        LocalDate today = LocalDate.now();
        if (withErrors) {
            check("decision");
            type("minuteReference", "Cabinet minute 41/2026");
            type("decidedOn-day", "31");
            type("decidedOn-month", "13");
            type("decidedOn-year", "2026");
            submit();
            assertErrors("outcome", "body", "decidedOn-day");
            assertEquals("Cabinet minute 41/2026", value("minuteReference"));
            assertEquals("13", value("decidedOn-month"));
            check("decision-errors");
        } else {
            type("minuteReference", "Executive decision ED/" + run);
        }
        choose("outcome", "APPROVE");
        choose("body", body);
        type("decidedOn-day", Integer.toString(today.getDayOfMonth()));
        type("decidedOn-month", Integer.toString(today.getMonthValue()));
        type("decidedOn-year", Integer.toString(today.getYear()));
        submit();
        assertTrue(browser.getCurrentUrl().endsWith("/opportunities/" + opportunity), browser.getCurrentUrl());
    }

    private void type(String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    /** Chooses a radio button as a person does, by its label (GOV.UK radios draw their own circle). */
    private void choose(String name, String value) {
        WebElement radio = browser.findElement(By.cssSelector("input[name='" + name + "'][value='" + value + "']"));
        browser.findElement(By.cssSelector("label[for='" + radio.getAttribute("id") + "']")).click();
        assertTrue(radio.isSelected(), name + "=" + value);
    }

    private boolean checked(String name, String value) {
        return browser.findElement(By.cssSelector("input[name='" + name + "'][value='" + value + "']")).isSelected();
    }

    private void submit() {
        follow(By.id("submit"));
    }

    /** Clicks what leads to another page and waits for that page: a click returns before a slow answer arrives. */
    private void follow(By what) {
        WebElement page = browser.findElement(By.tagName("html"));
        browser.findElement(what).click();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        // chromedriver tells a page that has gone in more than one way
        wait.ignoring(WebDriverException.class).until(d -> {
            try {
                page.isEnabled();
                return false;
            } catch (WebDriverException gone) {
                return true;
            }
        });
        wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText().strip();
    }

    private String value(String id) {
        return browser.findElement(By.id(id)).getAttribute("value");
    }

    /** The GOV.UK error summary links to each field in error, and each field shows its message. */
    private void assertErrors(String... fields) {
        List<WebElement> summaries = browser.findElements(By.cssSelector(".govuk-error-summary"));
        assertFalse(summaries.isEmpty(), () -> "an error summary on " + whereWeAre());
        WebElement summary = summaries.get(0);
        assertTrue(summary.getText().contains("There is a problem"), summary.getText());
        List<String> links = summary.findElements(By.cssSelector("a")).stream().map(a -> a.getAttribute("href"))
                .map(href -> href.substring(href.indexOf('#') + 1)).toList();
        for (String field : fields) {
            assertTrue(links.contains(field), field + " is in the error summary: " + links);
            assertFalse(browser.findElements(By.id(field)).isEmpty(), "the summary's link has a field to go to: " + field);
        }
        assertTrue(browser.getTitle().startsWith("Error: ") || !browser.findElements(By.cssSelector(".govuk-error-message")).isEmpty());
    }

    /** Where the browser is and what it said, for a failure's message. */
    private String whereWeAre() {
        String console = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(entry -> entry.getLevel() + " " + entry.getMessage()).toList().toString();
        String body = browser.findElements(By.tagName("body")).stream().map(WebElement::getText).findFirst().orElse("");
        return browser.getCurrentUrl() + " \"" + browser.getTitle() + "\" console " + console + " page: "
                + body.substring(0, Math.min(body.length(), 1500));
    }

    /** Photographs the page and checks it with axe-core: no serious or critical violation. */
    private void check(String page) {
        screenshot(page);
        Results results = new AxeBuilder().analyze(browser);
        List<Rule> violations = results.getViolations();
        List<Rule> grave = violations.stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact())).toList();
        long nodes = violations.stream().mapToLong(rule -> rule.getNodes().size()).sum();
        String figures = String.format("%s axe-core: %d rules passed, %d violations (%d elements) of which %d serious or "
                        + "critical, %d to review by hand%s", page, results.getPasses().size(), violations.size(), nodes,
                grave.size(), results.getIncomplete().size(), violations.isEmpty() ? "" : " " + violations.stream()
                        .map(rule -> rule.getId() + "/" + rule.getImpact()).toList());
        axeFigures.add(figures);
        System.out.println(figures);
        assertTrue(grave.isEmpty(), page + ": " + grave.stream().map(rule -> rule.getId() + " (" + rule.getImpact() + "): "
                + rule.getHelp() + " at " + rule.getNodes().stream().map(node -> node.getTarget().toString()).toList()).toList());
    }

    private void screenshot(String page) {
        shot++;
        try {
            File png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
            Files.copy(png.toPath(), SHOTS.resolve(String.format("%02d-%s.png", shot, page)),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    // ---- the API

    private interface Probe<T> {
        T get() throws Exception;
    }

    private <T> T eventually(Probe<T> probe) throws Exception {
        long deadline = System.nanoTime() + EVENTUAL.toNanos();
        T found = probe.get();
        while (found == null && System.nanoTime() < deadline) {
            Thread.sleep(500);
            found = probe.get();
        }
        assertTrue(found != null, "did not appear within " + EVENTUAL);
        return found;
    }

    private String authorityId(String token, String name) throws Exception {
        return client.get("/api/v1/tenants/authorities?q=" + enc(name), token, 200).get("content").get(0).get("id").asText();
    }

    private static Optional<Path> onPath(String program) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(dir -> Path.of(dir, program)).filter(Files::isExecutable).findFirst();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
