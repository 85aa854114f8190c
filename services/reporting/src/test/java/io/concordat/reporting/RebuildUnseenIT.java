package io.concordat.reporting;

import io.concordat.events.CloudEventsKafka;
import io.concordat.events.EventEnvelope;
import io.concordat.events.EventType;
import io.concordat.events.EventTypes;
import io.concordat.events.Topics;
import io.concordat.events.hosting.v1.ArrangementAgreed;
import io.concordat.events.hosting.v1.IndicatorReported;
import io.concordat.events.hosting.v1.SavingsRecorded;
import io.concordat.kit.tenancy.Roles;
import io.concordat.kit.testing.ApiCalls;
import io.concordat.kit.testing.ConsumerGroups;
import io.concordat.kit.testing.Eventually;
import io.concordat.kit.testing.ServiceTestProperties;
import io.concordat.kit.testing.Superuser;
import io.concordat.kit.testing.TestServers;
import io.concordat.kit.testing.TestTokens;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
 * A rebuild fills shadow tables while dashboards answer from the current ones, and swaps them in
 * one transaction: a client reading the dashboard every 100 ms throughout sees only complete
 * figures, and the read models after the rebuild are the ones before it, row for row.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RebuildUnseenIT implements TestPropertyProvider {

    private static final String DATABASE = "reporting_rebuilds";
    private static final String STATUS = "/api/v1/reporting/read-models";
    private static final String NATIONAL = "/api/v1/reporting/national/dashboard?on=2026-11-15";
    private static final Duration WAIT = Duration.ofMinutes(3);

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(ServiceTestProperties.of(DATABASE));
        // a consumer group of its own, so the other suites' group still sees every event
        properties.put("micronaut.application.name", "reporting-rebuilds");
        return properties;
    }

    @Test
    void aClientReadingTheDashboardThroughoutARebuildSeesOnlyCompleteFiguresAndTheRowsComeBackTheSame() throws Exception {
        ApiCalls api = new ApiCalls(http);
        String platform = TestTokens.get().withoutAuthority(Roles.PLATFORM_ADMIN);
        Eventually.until("the first build finished", WAIT, () -> finished(api, platform));

        List<EventEnvelope> events = arrangementsWithReadings(60, 50);
        publish(events);
        String ids = events.stream().map(e -> "'" + e.id() + "'").collect(Collectors.joining(","));
        Eventually.until("every event applied", WAIT, () -> Superuser.count(DATABASE,
                "select count(*) from processed_event where event_id in (" + ids + ")") == events.size());
        // and every other suite's events on the topics, or "before" could still change under the rebuild
        Eventually.until("every topic read to its end", WAIT, () -> ConsumerGroups.caughtUp("reporting-rebuilds",
                Set.of(Topics.TENANTS, Topics.OPPORTUNITIES, Topics.HOSTING)));

        Map<?, ?> before = figures(api.get(NATIONAL, platform));
        Object fingerprints = api.get(STATUS, platform).get("tables");
        assertEquals(HttpStatus.ACCEPTED, api.status(HttpMethod.POST, STATUS + "/rebuild", platform, "{}"));

        List<Map<?, ?>> answers = new ArrayList<>();
        boolean sawRebuilding = false;
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            answers.add(figures(api.get(NATIONAL, platform)));
            Map<?, ?> status = api.get(STATUS, platform);
            if (Boolean.TRUE.equals(status.get("rebuilding"))) {
                sawRebuilding = true;
            } else if (((Map<?, ?>) status.get("build")).get("finishedAt") != null) {
                break;
            }
            Thread.sleep(100);
        }
        assertTrue(sawRebuilding, "the dashboard was read while the rebuild was under way");
        assertTrue(answers.size() >= 3, "read " + answers.size() + " times during the rebuild");
        for (Map<?, ?> answer : answers) {
            assertEquals(before, answer, "every answer during the rebuild is the complete figures");
        }
        assertTrue(finished(api, platform));
        assertEquals(fingerprints, api.get(STATUS, platform).get("tables"), "every table's rows and digest after the rebuild");
        assertEquals(before, figures(api.get(NATIONAL, platform)));
    }

    /**
     * The swap locks every read model, so while it waits for a long read, each new read would queue
     * behind it: it waits at most half a second, lets them through and tries again, and swaps once
     * the long read has ended.
     */
    @Test
    void aSwapWaitingForALongReadLetsOtherReadsThroughAndSwapsOnceItEnds() throws Exception {
        ApiCalls api = new ApiCalls(http);
        String platform = TestTokens.get().withoutAuthority(Roles.PLATFORM_ADMIN);
        Eventually.until("no rebuild under way", WAIT, () -> finished(api, platform));
        Eventually.until("every topic read to its end", WAIT, () -> ConsumerGroups.caughtUp("reporting-rebuilds",
                Set.of(Topics.TENANTS, Topics.OPPORTUNITIES, Topics.HOSTING)));
        Map<?, ?> before = figures(api.get(NATIONAL, platform));
        Object fingerprints = api.get(STATUS, platform).get("tables");
        try (Connection longRead = DriverManager.getConnection(TestServers.database(DATABASE).jdbcUrl(), "postgres", "")) {
            longRead.setAutoCommit(false);
            try (Statement read = longRead.createStatement()) {
                read.execute("select count(*) from read_models.rpt_arrangement");
            }
            assertEquals(HttpStatus.ACCEPTED, api.status(HttpMethod.POST, STATUS + "/rebuild", platform, "{}"));
            Eventually.until("the swap waiting for the long read", WAIT, () -> Superuser.count(DATABASE, """
                    select count(*) from pg_locks l join pg_class c on c.oid = l.relation
                    where not l.granted and l.mode = 'AccessExclusiveLock' and c.relname like 'rpt_%'""") > 0);
            for (int i = 0; i < 3; i++) {
                assertEquals(before, figures(api.get(NATIONAL, platform)), "a read answers while the swap waits");
            }
            assertTrue(Boolean.TRUE.equals(api.get(STATUS, platform).get("rebuilding")), "not swapped while the long read lasts");
            longRead.rollback();
        }
        Eventually.until("the rebuild swapped in", WAIT, () -> finished(api, platform));
        assertEquals(fingerprints, api.get(STATUS, platform).get("tables"));
        assertEquals(before, figures(api.get(NATIONAL, platform)));
    }

    private static boolean finished(ApiCalls api, String platform) {
        Map<?, ?> status = api.get(STATUS, platform);
        Map<?, ?> build = (Map<?, ?>) status.get("build");
        return !Boolean.TRUE.equals(status.get("rebuilding")) && build != null && build.get("finishedAt") != null;
    }

    /** The dashboard without when its data was last applied, which says nothing of the figures. */
    private static Map<?, ?> figures(Map<?, ?> dashboard) {
        Map<Object, Object> figures = new LinkedHashMap<>(dashboard);
        figures.remove("dataAsOf");
        return figures;
    }

    private static List<EventEnvelope> arrangementsWithReadings(int arrangements, int readingsEach) {
        List<EventEnvelope> events = new ArrayList<>();
        for (int a = 0; a < arrangements; a++) {
            UUID arrangement = UUID.randomUUID();
            UUID host = UUID.randomUUID();
            UUID recipient = UUID.randomUUID();
            events.add(envelope(EventTypes.ARRANGEMENT_AGREED, arrangement, host, new ArrangementAgreed(arrangement,
                    "Shared service " + a, "support.payroll", host, List.of(recipient), "PERMANENT",
                    LocalDate.parse("2026-04-01"), null, null, "EQUAL_SHARES", List.of(), Instant.parse("2026-03-01T10:00:00Z"))));
            events.add(envelope(EventTypes.SAVINGS_RECORDED, arrangement, recipient, new SavingsRecorded(arrangement,
                    recipient, "2026/27", 1_000_000, 800_000, 200_000, Instant.parse("2026-10-01T10:00:00Z"))));
            for (int r = 0; r < readingsEach; r++) {
                events.add(envelope(EventTypes.INDICATOR_REPORTED, arrangement, host, new IndicatorReported(arrangement,
                        UUID.randomUUID(), "Indicator " + r, recipient, "2026-10", BigDecimal.valueOf(r % 7),
                        BigDecimal.valueOf(5), r % 7 < 5 ? "RED" : "GREEN", Instant.parse("2026-11-01T10:00:00Z"),
                        LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-31"))));
            }
        }
        return events;
    }

    private static <T> EventEnvelope envelope(EventType<T> type, UUID subject, UUID authority, T data) {
        try {
            return new EventEnvelope(UUID.randomUUID(), "/concordat/hosting", type.type(), OffsetDateTime.now(ZoneOffset.UTC),
                    subject.toString(), authority, List.of(), ObjectMapper.getDefault().writeValueAsBytes(data));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void publish(List<EventEnvelope> events) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
            events.forEach(event -> producer.send(CloudEventsKafka.toRecord(Topics.HOSTING, event)));
            producer.flush();
        }
    }
}
