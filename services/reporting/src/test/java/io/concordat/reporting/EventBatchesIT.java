package io.concordat.reporting;

import io.concordat.events.CloudEventsKafka;
import io.concordat.events.EventEnvelope;
import io.concordat.events.EventType;
import io.concordat.events.EventTypes;
import io.concordat.events.Topics;
import io.concordat.events.hosting.v1.ArrangementAgreed;
import io.concordat.events.hosting.v1.IndicatorReported;
import io.concordat.events.hosting.v1.SavingsRecorded;
import io.concordat.kit.inbox.IdempotentConsumer;
import io.concordat.kit.tenancy.Roles;
import io.concordat.kit.testing.ApiCalls;
import io.concordat.kit.testing.Eventually;
import io.concordat.kit.testing.ServiceTestProperties;
import io.concordat.kit.testing.Superuser;
import io.concordat.kit.testing.TestServers;
import io.concordat.kit.testing.TestTokens;
import io.micrometer.core.instrument.MeterRegistry;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.concordat.kit.testing.Councils.officer;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The consumer applies a poll as one batch, a savepoint per record: a poison record is
 * dead-lettered alone, a batch delivered twice changes nothing, and a platform admin lists and
 * re-drives dead letters.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EventBatchesIT implements TestPropertyProvider {

    private static final String DATABASE = "reporting_batches";
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String DEAD_LETTERS = "/api/v1/reporting-batches/dead-letters";

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    IdempotentConsumer consumer;

    @Inject
    MeterRegistry meters;

    private ApiCalls api;
    private final UUID host = UUID.randomUUID();
    private final UUID recipient = UUID.randomUUID();
    private final UUID arrangement = UUID.randomUUID();
    private final UUID missingArrangement = UUID.randomUUID();
    private final List<EventEnvelope> readings = new ArrayList<>();
    private EventEnvelope poison;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(ServiceTestProperties.of(DATABASE));
        // a consumer group of its own, so the other suites\' group still sees every event
        properties.put("micronaut.application.name", "reporting-batches");
        // the test puts a whole batch on the topic before the consumer's first poll
        properties.put("concordat.consumer.autostart", "false");
        return properties;
    }

    @BeforeAll
    void calls() {
        api = new ApiCalls(http);
    }

    private static String admin() {
        return TestTokens.get().withoutAuthority(Roles.PLATFORM_ADMIN);
    }

    @Test
    @Order(1)
    void aPoisonRecordInABatchOf500GoesToTheDeadLetterTopicAloneAndTheOther499AreApplied() {
        List<EventEnvelope> batch = new ArrayList<>();
        batch.add(envelope(EventTypes.ARRANGEMENT_AGREED, arrangement, host, agreed(arrangement)));
        for (int i = 0; i < 500; i++) {
            UUID of = i == 250 ? missingArrangement : arrangement;
            EventEnvelope reading = envelope(EventTypes.INDICATOR_REPORTED, of, host, new IndicatorReported(of,
                    UUID.randomUUID(), "Payslips on time", recipient, "2026-10", BigDecimal.valueOf(i), BigDecimal.TEN,
                    "GREEN", Instant.parse("2026-11-01T10:00:00Z"), LocalDate.parse("2026-10-01"),
                    LocalDate.parse("2026-10-31")));
            readings.add(reading);
            if (i == 250) {
                poison = reading;
            }
        }
        batch.addAll(readings);
        publish(batch);
        consumer.start();

        Eventually.until("499 readings applied", WAIT, () -> readingsOf(arrangement) == 499);
        Eventually.until("the poison reading dead-lettered", WAIT, () -> !lettersOfThisBatch().isEmpty());
        List<Map> letters = lettersOfThisBatch();
        assertEquals(1, letters.size(), "only the poison is dead-lettered: " + letters);
        assertEquals(poison.id().toString(), letters.get(0).get("eventId"));
        assertEquals("constraint", letters.get(0).get("kind"), "the reading names an arrangement that does not exist");
        assertEquals(0, readingsOf(missingArrangement));
    }

    @Test
    @Order(2)
    void theSameBatchDeliveredTwiceChangesNothing() {
        String before = fingerprint();
        double duplicates = meters.get("concordat.consumer.duplicates").counter().count();
        publish(readings.stream().filter(r -> r != poison).toList());
        Eventually.until("499 repeats skipped", WAIT,
                () -> meters.get("concordat.consumer.duplicates").counter().count() >= duplicates + 499);
        assertEquals(before, fingerprint());
        assertEquals(499, readingsOf(arrangement));
    }

    @Test
    @Order(3)
    void deadLettersAreListedAndReDrivenByPlatformAdminsOnly() {
        String council = officer(host);
        assertEquals(HttpStatus.FORBIDDEN, api.status(HttpMethod.GET, DEAD_LETTERS, council, null));
        Map<?, ?> letter = lettersOfThisBatch().get(0);
        String redrive = redrivePath(letter);
        assertEquals(HttpStatus.FORBIDDEN, api.status(HttpMethod.POST, redrive, council, null));
        assertEquals(0, readingsOf(missingArrangement));
    }

    @Test
    @Order(4)
    void aReDriveThatFailsAgainIs422AndOneThatSucceedsAppliesTheEventOnce() {
        String redrive = redrivePath(lettersOfThisBatch().get(0));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, api.status(HttpMethod.POST, redrive, admin(), null));
        assertEquals(0, readingsOf(missingArrangement));

        publish(List.of(envelope(EventTypes.ARRANGEMENT_AGREED, missingArrangement, host, agreed(missingArrangement))));
        Eventually.until("the missing arrangement arrives", WAIT, () -> Superuser.count(DATABASE,
                "select count(*) from rpt_arrangement where arrangement_id = '" + missingArrangement + "'") == 1);
        assertEquals("APPLIED", api.post(redrive, admin(), null).get("outcome"));
        assertEquals(1, readingsOf(missingArrangement));
        assertEquals("ALREADY_APPLIED", api.post(redrive, admin(), null).get("outcome"));
        assertEquals(1, readingsOf(missingArrangement));
    }

    @Test
    @Order(5)
    void aReDriveOfNothingIsRefusedAndChangesNothing() {
        String before = fingerprint();
        assertEquals(HttpStatus.BAD_REQUEST,
                api.status(HttpMethod.POST, DEAD_LETTERS + "/concordat.hosting.v1.dlt/first/0/redrive", admin(), null));
        assertEquals(HttpStatus.NOT_FOUND,
                api.status(HttpMethod.POST, DEAD_LETTERS + "/concordat.elsewhere.v1.dlt/0/0/redrive", admin(), null));
        assertEquals(HttpStatus.NOT_FOUND,
                api.status(HttpMethod.POST, DEAD_LETTERS + "/concordat.hosting.v1.dlt/0/999999999/redrive", admin(), null));
        assertEquals(before, fingerprint());
    }

    /**
     * Readings and savings gathered from one batch go as one statement each, in which PostgreSQL
     * will not upsert a row twice: the statement keeps the row that applying them one at a time
     * would have left, including between two of equal time, where the later to arrive wins.
     */
    @Test
    @Order(6)
    void factsOfOneKeyThatMeetInABatchLeaveWhatOneAtATimeWouldHave() {
        UUID of = UUID.randomUUID();
        UUID indicator = UUID.randomUUID();
        Instant t1 = Instant.parse("2026-10-02T09:00:00Z");
        Instant t2 = Instant.parse("2026-10-03T09:00:00Z");
        Instant t3 = Instant.parse("2026-10-04T09:00:00Z");
        List<EventEnvelope> batch = new ArrayList<>();
        batch.add(envelope(EventTypes.ARRANGEMENT_AGREED, of, host, agreed(of)));
        batch.add(reading(of, indicator, "2026-08", 1, t2));
        batch.add(reading(of, indicator, "2026-09", 2, t1));
        batch.add(reading(of, indicator, "2026-09", 3, t3));
        batch.add(reading(of, indicator, "2026-09", 4, t3));
        batch.add(reading(of, indicator, "2026-09", 5, t2));
        batch.add(reading(of, indicator, "2026-07", 6, Instant.parse("2026-10-05T09:00:00Z")));
        batch.add(saving(of, 100, t2));
        batch.add(saving(of, 200, t3));
        batch.add(saving(of, 300, t3));
        batch.add(saving(of, 400, t1));
        publish(batch);

        Eventually.until("the batch applied", WAIT, () -> Superuser.count(DATABASE,
                "select count(*) from rpt_saving where arrangement_id = '" + of + "'") == 1
                && readingsOf(of) == 3);
        assertEquals("4|1|6", Superuser.query(DATABASE, """
                select string_agg(value::text, '|' order by period desc) from rpt_indicator_reading
                where arrangement_id = '%s' and period in ('2026-08', '2026-09', '2026-07')""".formatted(of)),
                "per period, the reading reported last, of two at once the later to arrive");
        assertEquals("2026-09 4", Superuser.query(DATABASE,
                "select period || ' ' || value from rpt_indicator_latest where arrangement_id = '" + of + "'"),
                "the latest is of the latest period, then the latest reported, then the later to arrive");
        assertEquals("300", Superuser.query(DATABASE,
                "select saving_pence::text from rpt_saving where arrangement_id = '" + of + "'"),
                "the figure recorded last, of two at once the later to arrive");
    }

    private EventEnvelope reading(UUID of, UUID indicator, String month, int value, Instant reportedAt) {
        LocalDate first = LocalDate.parse(month + "-01");
        return envelope(EventTypes.INDICATOR_REPORTED, of, host, new IndicatorReported(of, indicator, "Payslips on time",
                recipient, month, BigDecimal.valueOf(value), BigDecimal.TEN, "GREEN", reportedAt, first,
                first.withDayOfMonth(first.lengthOfMonth())));
    }

    private EventEnvelope saving(UUID of, long pence, Instant recordedAt) {
        return envelope(EventTypes.SAVINGS_RECORDED, of, host, new SavingsRecorded(of, recipient, "2026-27", 1000,
                1000 - pence, pence, recordedAt));
    }

    private List<Map> lettersOfThisBatch() {
        Set<String> ids = readings.stream().map(r -> r.id().toString()).collect(Collectors.toSet());
        return api.list(DEAD_LETTERS + "?size=500", admin()).stream().filter(l -> ids.contains(l.get("eventId"))).toList();
    }

    private static String redrivePath(Map<?, ?> letter) {
        return DEAD_LETTERS + "/" + letter.get("topic") + "/" + letter.get("partition") + "/" + letter.get("offset")
                + "/redrive";
    }

    private ArrangementAgreed agreed(UUID id) {
        return new ArrangementAgreed(id, "Payroll shared", "support.payroll", host, List.of(recipient), "PERMANENT",
                LocalDate.parse("2026-04-01"), null, null, "EQUAL_SHARES", List.of(), Instant.parse("2026-03-01T10:00:00Z"));
    }

    private static long readingsOf(UUID arrangement) {
        return Superuser.count(DATABASE, "select count(*) from rpt_indicator_reading where arrangement_id = '" + arrangement + "'");
    }

    private static String fingerprint() {
        return Superuser.query(DATABASE, """
                select (select md5(string_agg(t::text, ',' order by t::text)) from rpt_indicator_reading t)
                    || (select md5(string_agg(t::text, ',' order by t::text)) from rpt_indicator_latest t)
                    || (select count(*) from processed_event)""");
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
            for (EventEnvelope event : events) {
                producer.send(CloudEventsKafka.toRecord(Topics.HOSTING, event));
            }
            producer.flush();
        }
    }
}
