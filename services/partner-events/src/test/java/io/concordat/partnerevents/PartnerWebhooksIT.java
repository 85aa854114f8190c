package io.concordat.partnerevents;

import io.concordat.events.EventEnvelope;
import io.concordat.events.EventTypes;
import io.concordat.events.Topics;
import io.concordat.kit.testing.ApiCalls;
import io.concordat.kit.testing.Eventually;
import io.concordat.kit.testing.ServiceTestProperties;
import io.concordat.kit.testing.Superuser;
import io.concordat.kit.testing.TestDirectory;
import io.concordat.kit.testing.TestEvents;
import io.concordat.kit.testing.TestTokens;
import io.concordat.partnerevents.RecordingReceiver.Answer;
import io.concordat.partnerevents.RecordingReceiver.Post;
import io.concordat.partnerevents.app.LogRetention;
import io.concordat.partnerevents.app.PartnerTransactions;
import io.concordat.partnerevents.store.Deliveries;
import io.concordat.partnerevents.store.EventLog;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Webhooks as a partner receives them: signed, in order per aggregate, at least once through an
 * outage of a day and a restart of the service, never held up by another partner's slow
 * endpoint; 410 disables, days of failure pause. The service's clock is the test's; it runs with
 * the development stack's webhook rules (http and loopback allowed).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PartnerWebhooksIT {

    private static final String BASE = "/api/v1/partner-events";
    private static final String DB = "partner_events";

    private final UUID councilA = UUID.randomUUID();
    private final UUID councilB = UUID.randomUUID();
    private final UUID shared = UUID.randomUUID();
    private final RecordingReceiver receiver = new RecordingReceiver();
    private final JsonMapper json = JsonMapper.createDefault();
    private EmbeddedServer server;
    private ApiCalls api;

    @BeforeAll
    void start() {
        startService();
        TestDirectory.registerAuthorities(DB, List.of(councilA, councilB));
        TestDirectory.createRegion(DB, shared, "Alliance " + shared, List.of(councilA, councilB));
        // the service reads topics new to the shared broker only once its group has been given them:
        // wait until one event of every type has been read, so that no test times the first assignment
        List<EventEnvelope> warmUp = PartnerScenarios.oneOfEveryType(councilB, List.of());
        Eventually.until("every topic read", Duration.ofSeconds(120),
                () -> warmUp.stream().allMatch(e -> logged(e.id().toString()) == 1));
    }

    private void startService() {
        Map<String, Object> properties = new HashMap<>(ServiceTestProperties.of(DB));
        properties.put("concordat.partners.webhooks.allow-http", "true");
        properties.put("concordat.partners.webhooks.allow-loopback", "true");
        properties.put("concordat.partners.webhooks.timeout", "1s");
        server = ApplicationContext.run(EmbeddedServer.class, properties);
        api = new ApiCalls(server.getApplicationContext().createBean(HttpClient.class, server.getURL()));
    }

    @AfterAll
    void stop() {
        server.close();
        receiver.close();
    }

    private String partner(String name) {
        return TestTokens.get().forPartner(name + "-" + councilA, councilA);
    }

    private Map<?, ?> subscribe(String partnerToken, String path) {
        return api.post(BASE + "/subscriptions", partnerToken,
                "{\"eventTypes\":[\"*\"],\"webhookUrl\":\"" + receiver.url(path) + "\"}");
    }

    @Test
    void everyEventTheCouncilMayReadArrivesSignedAndNothingPrivateOfAnotherCouncil() throws Exception {
        Map<?, ?> subscription = subscribe(partner("finance"), "/finance");
        String secret = (String) subscription.get("signingSecret");
        assertTrue(secret.startsWith("whsec_"), "the secret is shown once, on creation");
        List<EventEnvelope> privateToB = PartnerScenarios.oneOfEveryType(councilB, List.of());
        List<EventEnvelope> visible = new ArrayList<>(PartnerScenarios.oneOfEveryType(councilA, List.of()));
        visible.addAll(PartnerScenarios.oneOfEveryType(councilB, List.of(shared)));

        Set<String> wanted = visible.stream().map(e -> e.id().toString()).collect(Collectors.toSet());
        Eventually.until("every visible event delivered", Duration.ofSeconds(90), () -> receiver.posts("/finance").stream()
                .map(Post::webhookId).collect(Collectors.toSet()).containsAll(wanted));
        List<Post> posts = receiver.posts("/finance");
        Set<String> received = posts.stream().map(Post::webhookId).collect(Collectors.toSet());
        assertEquals(List.of(), privateToB.stream().filter(e -> received.contains(e.id().toString()))
                .map(EventEnvelope::type).toList(), "B's private events reached A's partner");
        for (Post post : posts) {
            assertEquals("v1," + hmac(secret, post.webhookId() + "." + post.timestamp() + "." + post.body()),
                    post.signature(), "signed as Standard Webhooks says");
            Map<?, ?> cloudEvent = json.readValue(post.body(), Map.class);
            assertEquals("1.0", cloudEvent.get("specversion"));
            assertEquals(post.webhookId(), cloudEvent.get("id"), "webhook-id is the event id");
        }
    }

    @Test
    void aDayLongOutageAndARestartLoseNothingAndKeepEachAggregatesOrder() throws Exception {
        String token = partner("outage");
        String subscription = (String) subscribe(token, "/outage").get("id");
        receiver.answer("/outage", Answer.UNAVAILABLE);
        List<String> aggregates = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                UUID.randomUUID().toString());
        Map<String, List<String>> published = new LinkedHashMap<>();
        for (int i = 0; i < 4; i++) {
            for (String aggregate : aggregates) {
                EventEnvelope e = PartnerScenarios.publish(EventTypes.INDICATOR_REPORTED, councilA, List.of(), aggregate);
                published.computeIfAbsent(aggregate, a -> new ArrayList<>()).add(e.id().toString());
            }
        }
        Eventually.until("a first attempt for each aggregate", Duration.ofSeconds(60),
                () -> receiver.posts("/outage").stream().map(Post::webhookId).distinct().count() >= aggregates.size());

        for (int hour = 1; hour <= 24; hour++) {
            ControlledClock.advance(Duration.ofHours(1));
            Thread.sleep(400);
            if (hour == 12) {
                server.close();
                startService();
            }
        }
        assertTrue(receiver.posts("/outage").stream().allMatch(p -> p.status() == 503), "nothing got through the outage");
        receiver.answer("/outage", Answer.OK);
        Set<String> all = published.values().stream().flatMap(List::stream).collect(Collectors.toSet());
        Eventually.until("every event of the outage delivered", Duration.ofSeconds(120), () -> {
            ControlledClock.advance(Duration.ofHours(1));
            return receiver.posts("/outage").stream().filter(p -> p.status() == 200).map(Post::webhookId)
                    .collect(Collectors.toSet()).containsAll(all);
        });

        List<Post> posts = receiver.posts("/outage");
        Map<String, String> subjectOf = new HashMap<>();
        published.forEach((aggregate, ids) -> ids.forEach(id -> subjectOf.put(id, aggregate)));
        Map<String, List<String>> deliveredInOrder = new LinkedHashMap<>();
        posts.stream().filter(p -> p.status() == 200).map(Post::webhookId).distinct()
                .forEach(id -> deliveredInOrder.computeIfAbsent(subjectOf.get(id), a -> new ArrayList<>()).add(id));
        assertEquals(published, deliveredInOrder, "each aggregate's events arrive in the order they happened");
        assertTrue(posts.stream().collect(Collectors.groupingBy(Post::webhookId, Collectors.counting())).values().stream()
                .anyMatch(n -> n > 1), "retries carry the same webhook-id");

        List<Map> log = api.list(BASE + "/subscriptions/" + subscription + "/deliveries", token);
        Map<?, ?> first = log.stream().filter(d -> ((Map<?, ?>) d.get("delivery")).get("eventId")
                .equals(published.get(aggregates.get(0)).get(0))).findFirst().orElseThrow();
        List<?> attempts = (List<?>) first.get("attempts");
        assertTrue(attempts.size() > 5, "every attempt is logged: " + attempts.size());
        assertEquals(503, ((Map<?, ?>) attempts.get(0)).get("statusCode"));
    }

    @Test
    void aSlowEndpointNeverHoldsUpAnotherPartners() throws Exception {
        subscribe(partner("slow"), "/slow");
        subscribe(partner("fast"), "/fast");
        receiver.answer("/slow", Answer.SLOW);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(PartnerScenarios.publish(EventTypes.SAVINGS_RECORDED, councilA, List.of(), UUID.randomUUID().toString())
                    .id().toString());
        }
        Eventually.until("the fast endpoint has every event", Duration.ofSeconds(30), () -> receiver.posts("/fast")
                .stream().map(Post::webhookId).collect(Collectors.toSet()).containsAll(ids));
        assertFalse(receiver.posts("/slow").stream().filter(p -> ids.contains(p.webhookId())).count() >= ids.size() * 2L,
                "the slow endpoint is still being tried");
    }

    @Test
    void anEndpointAnswering410IsDisabled() {
        String token = partner("gone");
        String id = (String) subscribe(token, "/gone").get("id");
        receiver.answer("/gone", Answer.GONE);
        PartnerScenarios.publish(EventTypes.RECHARGE_ISSUED, councilA, List.of(), UUID.randomUUID().toString());
        Eventually.until("the subscription disabled", Duration.ofSeconds(60),
                () -> "DISABLED".equals(api.get(BASE + "/subscriptions/" + id, token).get("status")));
    }

    @Test
    void anEndpointFailingForDaysIsPausedAndItsAdminsAreTold() {
        String token = partner("down");
        String id = (String) subscribe(token, "/down").get("id");
        receiver.answer("/down", Answer.UNAVAILABLE);
        PartnerScenarios.publish(EventTypes.RECHARGE_ISSUED, councilA, List.of(), UUID.randomUUID().toString());
        Eventually.until("a first attempt", Duration.ofSeconds(60), () -> !receiver.posts("/down").isEmpty());
        Eventually.until("the subscription paused", Duration.ofSeconds(120), () -> {
            ControlledClock.advance(Duration.ofHours(6));
            return "PAUSED".equals(api.get(BASE + "/subscriptions/" + id, token).get("status"));
        });
        assertEquals(1, TestEvents.readAll(Topics.PARTNERS, e -> e.subject().equals(id), Duration.ofSeconds(5)).size(),
                "one event on the platform's topic");

        receiver.answer("/down", Answer.OK);
        api.post(BASE + "/subscriptions/" + id + "/resume", token, null);
        Eventually.until("what failed is sent after resuming", Duration.ofSeconds(30),
                () -> receiver.posts("/down").stream().anyMatch(p -> p.status() == 200));
    }

    @Test
    void aDeliveryCanBeSentAgainByHandWithTheSameId() {
        String token = partner("resend");
        String subscription = (String) subscribe(token, "/resend").get("id");
        String eventId = PartnerScenarios.publish(EventTypes.RECHARGE_ISSUED, councilA, List.of(),
                UUID.randomUUID().toString()).id().toString();
        // a first attempt timed out under load is tried again with the same id, so count from what arrived
        Eventually.until("delivered", Duration.ofSeconds(60), () -> !receiver.posts("/resend").isEmpty());
        int delivered = receiver.posts("/resend").size();
        Map<?, ?> delivery = (Map<?, ?>) api.list(BASE + "/subscriptions/" + subscription + "/deliveries", token)
                .get(0).get("delivery");
        assertEquals(HttpStatus.ACCEPTED, api.status(HttpMethod.POST, BASE + "/subscriptions/" + subscription
                + "/deliveries/" + delivery.get("id") + "/resend", token, null));
        Eventually.until("sent again", Duration.ofSeconds(60), () -> receiver.posts("/resend").size() >= delivered + 1);
        assertEquals(1, api.post(BASE + "/subscriptions/" + subscription + "/deliveries/resend", token,
                "{\"since\":\"2020-01-01T00:00:00Z\"}").get("resent"));
        Eventually.until("everything since a time sent again", Duration.ofSeconds(60),
                () -> receiver.posts("/resend").size() >= delivered + 2);
        assertTrue(receiver.posts("/resend").stream().allMatch(p -> p.webhookId().equals(eventId)));
    }

    /**
     * A resend asked for while an attempt is under way is not undone when that attempt ends: the
     * attempt's outcome is recorded only if the delivery is still as the attempt found it.
     */
    @Test
    void aResendAskedForDuringAnAttemptIsKeptAndTheDeliveryGoesAgain() {
        String token = partner("resend-race");
        String subscription = (String) subscribe(token, "/resend-race").get("id");
        PartnerScenarios.publish(EventTypes.RECHARGE_ISSUED, councilA, List.of(), UUID.randomUUID().toString());
        Eventually.until("delivered", Duration.ofSeconds(60), () -> !receiver.posts("/resend-race").isEmpty());
        int delivered = receiver.posts("/resend-race").size();
        UUID id = UUID.fromString((String) ((Map<?, ?>) api.list(BASE + "/subscriptions/" + subscription + "/deliveries", token)
                .get(0).get("delivery")).get("id"));
        Deliveries deliveries = server.getApplicationContext().getBean(Deliveries.class);
        PartnerTransactions transactions = server.getApplicationContext().getBean(PartnerTransactions.class);
        Eventually.until("the first attempt recorded", Duration.ofSeconds(60), () -> "DELIVERED".equals(
                transactions.asPlatform(c -> deliveries.find(id).orElseThrow().status())));
        // an attempt that began before the resend (it read the delivery then) and ends after it
        Deliveries.Delivery asTheAttemptFoundIt = transactions.asPlatform(c -> deliveries.find(id).orElseThrow());
        transactions.asPlatform(c -> {
            deliveries.resend(id, Instant.now());
            deliveries.delivered(asTheAttemptFoundIt, asTheAttemptFoundIt.attempts() + 1, 200, Instant.now());
            return null;
        });
        Eventually.until("sent again", Duration.ofSeconds(60), () -> receiver.posts("/resend-race").size() >= delivered + 1);
    }

    @Test
    void eventsOlderThanTheRetentionWindowAreDeletedWithTheirDeliveriesAndNewerOnesKept() {
        subscribe(partner("retention"), "/retention");
        OffsetDateTime now = server.getApplicationContext().getBean(Clock.class).instant().atOffset(ZoneOffset.UTC);
        String old = PartnerScenarios.publishAt(EventTypes.RECHARGE_ISSUED, councilA, List.of(), UUID.randomUUID().toString(),
                now.minusDays(91)).id().toString();
        String recent = PartnerScenarios.publishAt(EventTypes.RECHARGE_ISSUED, councilA, List.of(), UUID.randomUUID().toString(),
                now.minusDays(89)).id().toString();
        Eventually.until("both delivered", Duration.ofSeconds(60), () -> receiver.posts("/retention").stream()
                .map(Post::webhookId).collect(Collectors.toSet()).containsAll(List.of(old, recent)));

        LogRetention.Purged purged = server.getApplicationContext().getBean(LogRetention.class).purge();

        assertTrue(purged.events() >= 1 && purged.deliveries() >= 1, purged.toString());
        assertEquals(0, logged(old), "the event past 90 days is gone from the log");
        assertEquals(0, Superuser.count(DB, "select count(*) from delivery where event_id = '" + old + "'"),
                "and its delivery, with its attempts");
        assertEquals(0, Superuser.count(DB, "select count(*) from delivery_attempt a where not exists "
                + "(select 1 from delivery d where d.id = a.delivery_id)"), "no attempt outlives its delivery");
        assertEquals(1, logged(recent), "the event within 90 days stays");
        assertTrue(Superuser.count(DB, "select count(*) from delivery where event_id = '" + recent + "'") > 0,
                "and its deliveries (one per subscription of the class that may read it)");
        assertEquals(new LogRetention.Purged(0, 0), server.getApplicationContext().getBean(LogRetention.class).purge(),
                "a second purge finds nothing");
    }

    @Test
    void aNewSubscriptionStartsAfterEverythingAlreadyLoggedWhateverCouncilItBelongsTo() {
        String before = PartnerScenarios.publish(EventTypes.RECHARGE_ISSUED, councilB, List.of(), UUID.randomUUID().toString())
                .id().toString();
        Eventually.until("logged", Duration.ofSeconds(60), () -> logged(before) == 1);

        String id = (String) subscribe(partner("late"), "/late").get("id");

        long start = Superuser.count(DB, "select start_position from subscription where id = '" + id + "'");
        assertTrue(start >= Superuser.count(DB, "select position from event_log where event_id = '" + before + "'"),
                "not sent what was logged before it, though that was another council's and hidden from the partner");
    }

    @Test
    void anAppendStillOpenHoldsBackTheNextSoNoReaderPassesOverAPositionCommittedLate() throws Exception {
        EventLog log = server.getApplicationContext().getBean(EventLog.class);
        PartnerTransactions transactions = server.getApplicationContext().getBean(PartnerTransactions.class);
        EventEnvelope first = envelope();
        EventEnvelope second = envelope();
        CountDownLatch firstAppended = new CountDownLatch(1);
        CountDownLatch commitFirst = new CountDownLatch(1);
        ExecutorService appenders = Executors.newFixedThreadPool(2);
        try {
            Future<?> slow = appenders.submit(() -> transactions.asPlatform(c -> {
                log.holdAppendOrder();
                log.append(Topics.HOSTING, first, null);
                firstAppended.countDown();
                await(commitFirst);
                return null;
            }));
            assertTrue(firstAppended.await(30, TimeUnit.SECONDS));
            Future<?> quick = appenders.submit(() -> transactions.asPlatform(c -> {
                log.holdAppendOrder();
                log.append(Topics.HOSTING, second, null);
                return null;
            }));
            assertThrows(TimeoutException.class, () -> quick.get(2, TimeUnit.SECONDS),
                    "the second append waits while the first is uncommitted");
            assertEquals(0, logged(first.id().toString()) + logged(second.id().toString()), "neither is visible yet");

            commitFirst.countDown();
            slow.get(30, TimeUnit.SECONDS);
            quick.get(30, TimeUnit.SECONDS);
        } finally {
            commitFirst.countDown();
            appenders.shutdownNow();
        }
        long firstPosition = transactions.asPlatform(c -> log.positionOf(first.id()).orElseThrow());
        long secondPosition = transactions.asPlatform(c -> log.positionOf(second.id()).orElseThrow());
        assertTrue(firstPosition < secondPosition, "committed in the order of their positions");
    }

    private EventEnvelope envelope() {
        return new EventEnvelope(UUID.randomUUID(), "/concordat/test", EventTypes.RECHARGE_ISSUED.type(),
                OffsetDateTime.now(ZoneOffset.UTC), UUID.randomUUID().toString(), councilB, List.of(),
                PartnerScenarios.golden(EventTypes.RECHARGE_ISSUED));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String hmac(String secret, String content) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
    }

    static long logged(String eventId) {
        return Superuser.count(DB, "select count(*) from event_log where event_id = '" + eventId + "'");
    }
}
