package io.concordat.partnerevents;

import io.concordat.events.EventEnvelope;
import io.concordat.events.EventTypes;
import io.concordat.kit.testing.ApiCalls;
import io.concordat.kit.testing.Eventually;
import io.concordat.kit.testing.ServiceTestProperties;
import io.concordat.kit.testing.TestDirectory;
import io.concordat.kit.testing.TestTokens;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.client.HttpClient;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A partner's receiver written in Node ({@code infra/node/webhook-receiver.mjs}) verifies every
 * delivery with the npm {@code standardwebhooks} library and records each webhook-id. Through a
 * simulated day of 503s (the service's clock is the test's) and a restart of the service in the
 * middle of it, every event arrives, each id is processed once, retries carry the same id, and
 * each aggregate's events arrive in the order they happened.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NodeReceiverIT {

    private static final String BASE = "/api/v1/partner-events";
    private static final String DB = "partner_events";
    private static final Path NODE_TOOLS = Path.of("../../infra/node").toAbsolutePath().normalize();

    private final UUID council = UUID.randomUUID();
    private final JsonMapper json = JsonMapper.createDefault();
    private final java.net.http.HttpClient control = java.net.http.HttpClient.newHttpClient();
    private Process receiver;
    private String receiverUrl;
    private EmbeddedServer server;
    private ApiCalls api;

    @BeforeAll
    void start() throws Exception {
        receiver = new ProcessBuilder("node", "webhook-receiver.mjs").directory(NODE_TOOLS.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String line = new BufferedReader(new InputStreamReader(receiver.getInputStream(), StandardCharsets.UTF_8)).readLine();
        assertTrue(line != null && line.contains("port"), "the Node receiver started (run infra/node/install first)");
        receiverUrl = "http://127.0.0.1:" + ((Number) json.readValue(line, Map.class).get("port")).intValue();
        startService();
        TestDirectory.registerAuthorities(DB, List.of(council));
        // the hosting topic may be new to this broker: wait until the service reads it
        String first = PartnerScenarios.publish(EventTypes.REVIEW_SCHEDULED, council, List.of(), UUID.randomUUID().toString())
                .id().toString();
        Eventually.until("the hosting topic read", Duration.ofSeconds(120), () -> io.concordat.kit.testing.Superuser.count(DB,
                "select count(*) from event_log where event_id = '" + first + "'") == 1);
    }

    private void startService() {
        Map<String, Object> properties = new HashMap<>(ServiceTestProperties.of(DB));
        properties.put("concordat.partners.webhooks.allow-http", "true");
        properties.put("concordat.partners.webhooks.allow-loopback", "true");
        properties.put("concordat.partners.webhooks.timeout", "2s");
        server = ApplicationContext.run(EmbeddedServer.class, properties);
        api = new ApiCalls(server.getApplicationContext().createBean(HttpClient.class, server.getURL()));
    }

    @AfterAll
    void stop() {
        server.close();
        receiver.destroy();
    }

    @Test
    void everyEventOfADayLongOutageArrivesVerifiedOnceAndInOrderAcrossARestart() throws Exception {
        String token = TestTokens.get().forPartner("partner-node-" + council, council);
        Map<?, ?> subscription = api.post(BASE + "/subscriptions", token,
                "{\"eventTypes\":[\"io.concordat.arrangement.*\"],\"webhookUrl\":\"" + receiverUrl + "/hook\"}");
        control("/control/secret", "{\"path\":\"/hook\",\"secret\":\"" + subscription.get("signingSecret") + "\"}");
        control("/control/status", "{\"path\":\"/hook\",\"status\":503}");

        List<String> aggregates = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                UUID.randomUUID().toString(), UUID.randomUUID().toString());
        Map<String, List<String>> published = new LinkedHashMap<>();
        for (int round = 0; round < 5; round++) {
            for (String aggregate : aggregates) {
                EventEnvelope e = PartnerScenarios.publish(round % 2 == 0 ? EventTypes.INDICATOR_REPORTED
                        : EventTypes.RECHARGE_ISSUED, council, List.of(), aggregate);
                published.computeIfAbsent(aggregate, a -> new ArrayList<>()).add(e.id().toString());
            }
        }
        String subscriptionId = (String) subscription.get("id");
        try {
            Eventually.until("a first attempt for each aggregate", Duration.ofSeconds(60),
                    () -> received().stream().map(r -> r.get("id")).distinct().count() >= aggregates.size());
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; deliveries: " + api.list(BASE + "/subscriptions/" + subscriptionId
                    + "/deliveries", token) + ", received: " + received(), e);
        }

        for (int hour = 1; hour <= 24; hour++) {
            ControlledClock.advance(Duration.ofHours(1));
            Thread.sleep(400);
            if (hour == 12) {
                server.close();
                startService();
            }
        }
        assertTrue(received().stream().allMatch(r -> ((Number) r.get("status")).intValue() == 503),
                "nothing got through the outage");
        control("/control/status", "{\"path\":\"/hook\",\"status\":200}");
        Set<String> all = published.values().stream().flatMap(List::stream).collect(Collectors.toSet());
        Eventually.until("every event of the outage processed", Duration.ofSeconds(120), () -> {
            ControlledClock.advance(Duration.ofHours(1));
            return received().stream().filter(r -> ((Number) r.get("status")).intValue() == 200)
                    .map(r -> (String) r.get("id")).collect(Collectors.toSet()).containsAll(all);
        });

        List<Map<?, ?>> posts = received();
        assertTrue(posts.stream().allMatch(r -> Boolean.TRUE.equals(r.get("verified"))),
                "every delivery verified by standardwebhooks: " + posts.stream().filter(r -> !Boolean.TRUE.equals(r.get("verified")))
                        .map(r -> r.get("reason")).distinct().toList());
        List<String> processed = posts.stream().filter(r -> ((Number) r.get("status")).intValue() == 200
                && !Boolean.TRUE.equals(r.get("duplicate"))).map(r -> (String) r.get("id")).toList();
        assertEquals(all.size(), processed.size(), "each id processed once after deduplication");
        assertEquals(all, Set.copyOf(processed), "100% of the outage's events arrived");
        Map<Object, Long> attemptsPerId = posts.stream().collect(Collectors.groupingBy(r -> r.get("id"), Collectors.counting()));
        published.values().forEach(ids -> assertTrue(attemptsPerId.get(ids.get(0)) > 5,
                "each aggregate's first event was retried through the outage, always with the same webhook-id"));
        Map<String, List<String>> inOrder = new LinkedHashMap<>();
        processed.forEach(id -> published.forEach((aggregate, ids) -> {
            if (ids.contains(id)) {
                inOrder.computeIfAbsent(aggregate, a -> new ArrayList<>()).add(id);
            }
        }));
        assertEquals(published, inOrder, "each aggregate's events arrived in the order they happened");
    }

    @SuppressWarnings("unchecked")
    private List<Map<?, ?>> received() {
        try {
            HttpResponse<String> response = control.send(HttpRequest.newBuilder(
                    URI.create(receiverUrl + "/control/received?path=/hook")).build(), HttpResponse.BodyHandlers.ofString());
            return (List<Map<?, ?>>) (List<?>) json.readValue(response.body(),
                    io.micronaut.core.type.Argument.listOf(Map.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void control(String path, String body) throws Exception {
        HttpResponse<String> response = control.send(HttpRequest.newBuilder(URI.create(receiverUrl + path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
    }
}
