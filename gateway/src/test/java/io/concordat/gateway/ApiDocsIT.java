package io.concordat.gateway;

import com.sun.net.httpserver.HttpServer;
import io.concordat.kit.testing.TestTokens;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiDocsIT implements TestPropertyProvider {

    private static final String TENANTS = """
            {"openapi":"3.1.0","info":{"title":"Concordat tenants","version":"v1","description":"Authorities."},
             "paths":{"/api/v1/tenants/authorities":{"get":{"operationId":"list","summary":"Lists authorities.",
               "responses":{"200":{"description":"ok","content":{"application/json":{"schema":{"$ref":"#/components/schemas/View"}}}}}}}},
             "components":{"schemas":{"View":{"type":"object","properties":{"name":{"type":"string"}}}},
               "securitySchemes":{"bearer":{"type":"http","scheme":"bearer","bearerFormat":"JWT"}}}}
            """;
    private static final String HOSTING = """
            {"openapi":"3.1.0","info":{"title":"Concordat hosting","version":"v1","description":"Arrangements."},
             "paths":{"/api/v1/hosting/arrangements":{"get":{"operationId":"list","summary":"Lists arrangements.",
               "responses":{"200":{"description":"ok","content":{"application/json":{"schema":{"$ref":"#/components/schemas/View"}}}}}}}},
             "components":{"schemas":{"View":{"type":"object","properties":{"host":{"type":"string"}}}},
               "securitySchemes":{"bearer":{"type":"http","scheme":"bearer","bearerFormat":"JWT"}}}}
            """;
    private static final String EMPTY = """
            {"openapi":"3.1.0","info":{"title":"Concordat %s","version":"v1"},"paths":{}}
            """;

    private final TestTokens tokens = TestTokens.get();
    private final AtomicBoolean hostingAnswers = new AtomicBoolean(true);
    private final List<HttpServer> services = List.of(
            documentServer(() -> TENANTS), documentServer(() -> hostingAnswers.get() ? HOSTING : null),
            documentServer(() -> EMPTY.formatted("opportunities")), documentServer(() -> EMPTY.formatted("reporting")),
            documentServer(() -> EMPTY.formatted("partner events")));

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        // the gateway's own test settings (rate limits' database, a free management port), routed to the stand-ins
        Map<String, String> properties = GatewayTestProperties.of("http://127.0.0.1:1");
        properties.put("concordat.routes.tenants", url(services.get(0)));
        properties.put("concordat.routes.hosting", url(services.get(1)));
        properties.put("concordat.routes.opportunities", url(services.get(2)));
        properties.put("concordat.routes.reporting", url(services.get(3)));
        properties.put("concordat.routes.partner-events", url(services.get(4)));
        return properties;
    }

    @AfterAll
    void stopServices() {
        services.forEach(server -> server.stop(0));
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyServicesDocumentIsPublishedAsOneWithoutAToken() {
        hostingAnswers.set(true);
        Map<String, Object> document = http.toBlocking().retrieve(HttpRequest.GET("/api/docs/openapi.json"),
                Argument.mapOf(String.class, Object.class));

        assertEquals("3.1.0", document.get("openapi"));
        Map<String, Object> paths = (Map<String, Object>) document.get("paths");
        assertEquals(List.of("/api/v1/hosting/arrangements", "/api/v1/tenants/authorities"), List.copyOf(paths.keySet()));
        Map<String, Object> hostingList = (Map<String, Object>) ((Map<String, Object>) paths.get("/api/v1/hosting/arrangements")).get("get");
        assertEquals("hosting.list", hostingList.get("operationId"));
        assertEquals(List.of("Concordat hosting"), hostingList.get("tags"));
        Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) document.get("components")).get("schemas");
        assertTrue(schemas.containsKey("View") && schemas.containsKey("TenantsView"),
                "two services' different View schemas are both kept: " + schemas.keySet());
        assertTrue(String.valueOf(paths.get("/api/v1/tenants/authorities")).contains("#/components/schemas/TenantsView"));
        assertEquals(List.of(Map.of("bearer", List.of())), document.get("security"));
    }

    @Test
    void theBrowsablePageIsServedWithItsScriptsFromTheGatewayItself() {
        HttpResponse<String> page = http.toBlocking().exchange(HttpRequest.GET("/api/docs"), String.class);
        String html = page.body();

        assertEquals(HttpStatus.OK, page.getStatus());
        assertTrue(page.getContentType().orElseThrow().toString().startsWith("text/html"));
        assertTrue(html.contains("src=\"/api/docs/swagger-ui-bundle.js\"") && html.contains("src=\"/api/docs/docs.js\""), html);
        assertFalse(html.contains("//"), "nothing is loaded from another site: " + html);
        for (String file : List.of("/api/docs/swagger-ui-bundle.js", "/api/docs/swagger-ui.css", "/api/docs/docs.js")) {
            HttpResponse<byte[]> asset = http.toBlocking().exchange(HttpRequest.GET(file), byte[].class);
            assertEquals(HttpStatus.OK, asset.getStatus(), file);
            assertTrue(asset.body().length > 100, file);
        }
        assertTrue(new String(http.toBlocking().retrieve(HttpRequest.GET("/api/docs/docs.js"), byte[].class),
                StandardCharsets.UTF_8).contains("/api/docs/openapi.json"));
    }

    @Test
    void thePageRendersEveryOperationInABrowserWithoutBreakingItsContentSecurityPolicy() {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Debian's chromium and chromedriver (infra/devstack/tools/install-browser)");
        hostingAnswers.set(true);
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        ChromeDriverService driverService = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        WebDriver browser = new ChromeDriver(driverService, options);
        try {
            browser.get("http://127.0.0.1:" + server.getPort() + "/api/docs");
            List<WebElement> operations = new WebDriverWait(browser, Duration.ofSeconds(30)).until(
                    page -> {
                        List<WebElement> found = page.findElements(By.cssSelector(".opblock-summary-path"));
                        return found.size() == 2 ? found : null;
                    });
            // the icons are images in the style sheet, as data: URLs: drawn, not refused
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(page -> !page.findElements(By.cssSelector(".opblock-tag svg, .arrow")).isEmpty());

            assertEquals(List.of("/api/v1/hosting/arrangements", "/api/v1/tenants/authorities"),
                    operations.stream().map(WebElement::getText).map(String::strip).sorted().toList());
            List<String> problems = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .filter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue())
                    .map(LogEntry::getMessage).toList();
            assertEquals(List.of(), problems, "no Content-Security-Policy refusal nor any other error in the browser");
        } finally {
            browser.quit();
        }
    }

    @Test
    void aFileTheWebjarDoesNotOfferIsNotFound() {
        HttpClientResponseException refused = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.GET("/api/docs/index.html"), String.class));

        assertEquals(HttpStatus.NOT_FOUND, refused.getStatus());
        assertEquals("application/problem+json", refused.getResponse().getContentType().orElseThrow().toString());
    }

    @Test
    void aServiceWhoseDocumentCannotBeReadMakesThePublishedDocumentUnavailableRatherThanIncomplete() {
        hostingAnswers.set(false);
        try {
            HttpClientResponseException refused = assertThrows(HttpClientResponseException.class,
                    () -> http.toBlocking().exchange(HttpRequest.GET("/api/docs/openapi.json"), String.class));

            assertEquals(HttpStatus.SERVICE_UNAVAILABLE, refused.getStatus());
            assertEquals("5", refused.getResponse().header("Retry-After"));
        } finally {
            hostingAnswers.set(true);
        }
    }

    /** A service's port that answers only its document, or a 500 while {@code document} gives null. */
    private static HttpServer documentServer(java.util.function.Supplier<String> document) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                String body = ApiDocsController.SERVICE_DOCUMENT.equals(exchange.getRequestURI().getPath()) ? document.get() : null;
                byte[] bytes = (body == null ? "{}" : body).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(body == null ? 500 : 200, bytes.length);
                exchange.getResponseBody().write(bytes);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String url(HttpServer server) {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }
}
