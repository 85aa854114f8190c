package io.concordat.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * What an operator sees of the running platform: one trace id from the gateway through the
 * service that writes to reporting, which reads the event; JSON logs that never hold a secret,
 * a token or a person's email; and each service's metrics.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedStack.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ObservabilityEndToEndIT {

    private static final Duration EVENTUAL = Duration.ofSeconds(60);
    private static final List<String> PROCESSES = List.of("gateway", "tenants", "opportunities", "hosting", "reporting",
            "partner-events", "portal");
    private static final List<String> WITH_A_DATABASE = List.of("tenants", "opportunities", "hosting", "reporting",
            "partner-events");
    /** The development stack's passwords and client secrets (README, realm file, devstack). */
    private static final List<String> SECRETS = List.of(DemoData.PASSWORD, Devstack.KEYCLOAK_ADMIN_PASSWORD,
            "partner-dev-secret", "tenants-dev-secret", "portal-dev-secret");
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    /** A JSON Web Token: three base64url parts, the first a JSON header. */
    private static final Pattern TOKEN = Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}\\.");
    /**
     * Metrics every service with a database reports: request timings by route and status, the
     * connection pool, the outbox's backlog and its oldest row's age, the Kafka consumer's lag per
     * partition, its dead letters by kind and how fresh what it applies is.
     */
    private static final List<String> SERVICE_METRICS = List.of("http_server_requests_seconds_count",
            "hikaricp_connections_active", "hikaricp_connections_pending", "hikaricp_connections_max",
            "concordat_outbox_backlog", "concordat_outbox_oldest_age_seconds");
    /** And every service that consumes events (all but tenants, which reads its own directory). */
    private static final List<String> CONSUMER_METRICS = List.of("concordat_consumer_lag{",
            "concordat_consumer_dead_lettered_total{", "concordat_consumer_freshness_seconds");

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private Devstack stack;
    private StackClient client;
    private final List<String> tokensUsed = new ArrayList<>();

    @BeforeAll
    void useTheSharedStack() {
        stack = SharedStack.stack();
        client = new StackClient(stack);
    }

    @Test
    @Order(1)
    void oneTraceIdFollowsAWriteThroughTheGatewayTheServiceAndReportingsConsumer() throws Exception {
        String officer = client.signIn("officer.bromsgrove");
        tokensUsed.add(officer);

        HttpResponse<String> proposed = client.send("POST", "/api/v1/opportunities", officer,
                "{\"title\":\"Shared coroner service " + UUID.randomUUID() + "\",\"serviceArea\":\"support.legal\"}");

        assertEquals(201, proposed.statusCode(), proposed.body());
        String traceId = proposed.headers().firstValue("X-Trace-Id").orElseThrow();
        String requestId = proposed.headers().firstValue("X-Request-Id").orElseThrow();
        assertTrue(traceId.matches("[0-9a-f]{32}"), traceId);
        String authority = json.readTree(proposed.body()).get("authorityId").asText();

        JsonNode atTheGateway = awaitLine("gateway", traceId);
        JsonNode atTheService = awaitLine("opportunities", traceId);
        JsonNode inReporting = awaitLine("reporting", traceId);

        assertEquals(requestId, atTheGateway.get("mdc").get("request_id").asText());
        assertEquals(requestId, atTheService.get("mdc").get("request_id").asText(), "the gateway passed its request id on");
        assertEquals(authority, atTheGateway.get("mdc").get("authority_id").asText());
        assertEquals(authority, atTheService.get("mdc").get("authority_id").asText());
        assertTrue(inReporting.get("formattedMessage").asText().startsWith("io.concordat.opportunity.proposed.v1 from "),
                inReporting.toString());
    }

    @Test
    @Order(2)
    void everyServiceReportsRequestTimingsByRouteAndStatusAndItsConnectionPool() throws Exception {
        for (String service : WITH_A_DATABASE) {
            String metrics = scrape(service);
            for (String metric : SERVICE_METRICS) {
                assertTrue(metrics.contains(metric), service + " reports " + metric);
            }
            for (String metric : service.equals("tenants") ? List.<String>of() : CONSUMER_METRICS) {
                assertTrue(metrics.contains(metric), service + " reports " + metric);
            }
            if (service.equals("partner-events")) {
                // the demo partner's receiver has had deliveries by now
                assertTrue(metrics.contains("concordat_webhook_deliveries_seconds_count{outcome=\"delivered\""), metrics);
            }
            assertTrue(Pattern.compile("http_server_requests_seconds_count\\{[^}]*status=\"\\d{3}\"[^}]*uri=\"/[^\"]*\"")
                    .matcher(metrics).find(), service + " times requests by route and status");
        }
        for (String process : List.of("gateway", "portal")) {
            assertTrue(scrape(process).contains("http_server_requests_seconds_count{"), process + " times requests");
        }
    }

    @Test
    @Order(3)
    void noLogOfTheRunHoldsASecretATokenOrAnEmailAndTheLogsAreJson() throws Exception {
        List<String> found = new ArrayList<>();
        for (String process : PROCESSES) {
            Path log = stack.logOf(process);
            int lineNumber = 0;
            int jsonLines = 0;
            for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                lineNumber++;
                String where = process + ".log:" + lineNumber + ": ";
                for (String secret : SECRETS) {
                    if (line.contains(secret)) {
                        found.add(where + "a secret");
                    }
                }
                for (String token : tokensUsed) {
                    if (line.contains(token)) {
                        found.add(where + "a token used in this run");
                    }
                }
                if (TOKEN.matcher(line).find()) {
                    found.add(where + "a token");
                }
                Matcher email = EMAIL.matcher(line);
                if (email.find()) {
                    found.add(where + "an email " + email.group());
                }
                if (line.startsWith("{")) {
                    json.readTree(line);
                    jsonLines++;
                }
            }
            assertTrue(jsonLines > 0, process + " logs JSON lines");
        }
        assertEquals(List.of(), found);
    }

    @Test
    @Order(4)
    void thePlatformVerifiesTheAuditTrailThroughTheGatewayAndACouncilMayNot() throws Exception {
        String platform = client.signIn("platform.admin");
        tokensUsed.add(platform);

        JsonNode verified = client.get("/api/v1/audit/verify", platform, 200);

        assertTrue(verified.get("intact").asBoolean(), verified.toString());
        client.assertProblem(client.send("GET", "/api/v1/audit/verify", client.signIn("officer.bromsgrove"), null), 403);
    }

    private String scrape(String process) throws IOException, InterruptedException {
        int port = stack.portOf(process);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/prometheus")).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), process + " /prometheus");
        return response.body();
    }

    /** The first JSON line of a process's log whose log context holds the trace id, waiting for it to be written. */
    private JsonNode awaitLine(String process, String traceId) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(EVENTUAL);
        Path log = stack.logOf(process);
        while (Instant.now().isBefore(deadline)) {
            for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                if (line.startsWith("{") && line.contains(traceId)) {
                    JsonNode node = json.readTree(line);
                    JsonNode mdc = node.get("mdc");
                    if (mdc != null && traceId.equals(mdc.path("trace_id").asText())) {
                        return node;
                    }
                }
            }
            Thread.sleep(250);
        }
        fail("no line of " + process + ".log carries trace " + traceId);
        return null;
    }
}
