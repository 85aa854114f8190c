package io.concordat.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.concordat.events.CloudEventsKafka;
import io.concordat.events.EventEnvelope;
import io.concordat.events.EventTypes;
import io.concordat.events.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;

/**
 * Hosting events as the hosting service publishes them, consistent among themselves: every
 * indicator reading is of an arrangement whose {@code ArrangementAgreed} went on the topic first,
 * so the topics never point at rows only a benchmark wrote, and a rebuild from them gives the same
 * read models.
 */
final class HostingEvents implements AutoCloseable {

    private final ObjectMapper json = new ObjectMapper();
    private final KafkaProducer<String, byte[]> producer;

    HostingEvents(String kafka) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        producer = new KafkaProducer<>(config);
    }

    static UUID arrangement(String run, int i) {
        return DashboardFreshness.md5Uuid("bench-" + run + "-arrangement-" + i);
    }

    static UUID host(String run, int i) {
        return DashboardFreshness.md5Uuid("bench-" + run + "-host-" + i);
    }

    static UUID recipient(String run, int i) {
        return DashboardFreshness.md5Uuid("bench-" + run + "-recipient-" + i);
    }

    /** {@code ArrangementAgreed} for arrangement {@code i} of the run, keyed by its id. */
    EventEnvelope agree(String run, int i) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("arrangementId", arrangement(run, i).toString());
        body.put("title", "Benchmark shared service " + run + " " + i);
        body.put("serviceArea", "support.payroll");
        body.put("hostAuthorityId", host(run, i).toString());
        body.put("recipientAuthorityIds", List.of(recipient(run, i).toString()));
        body.put("basis", "PERMANENT");
        body.put("startsOn", LocalDate.of(2026, 4, 1).toString());
        body.put("costAllocation", "EQUAL_SHARES");
        body.put("regionIds", List.of());
        body.put("agreedAt", "2026-03-01T10:00:00Z");
        return envelope(EventTypes.ARRANGEMENT_AGREED.type(), arrangement(run, i), host(run, i), Instant.now(), body);
    }

    /** An {@code IndicatorReported} of arrangement {@code i}, stamped with {@code at} as its time. */
    EventEnvelope reading(String run, int i, int indicator, String period, Instant at) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("arrangementId", arrangement(run, i).toString());
        body.put("indicatorId", DashboardFreshness.md5Uuid("bench-" + run + "-indicator-" + indicator).toString());
        body.put("indicatorName", "Benchmark indicator " + indicator);
        body.put("recipientAuthorityId", recipient(run, i).toString());
        body.put("period", period);
        body.put("value", 90);
        body.put("target", 95);
        body.put("rating", "AMBER");
        body.put("reportedAt", at.toString());
        return envelope(EventTypes.INDICATOR_REPORTED.type(), arrangement(run, i), host(run, i), at, body);
    }

    Future<RecordMetadata> send(EventEnvelope event) {
        ProducerRecord<String, byte[]> record = CloudEventsKafka.toRecord(Topics.HOSTING, event);
        return producer.send(record);
    }

    void flush() {
        producer.flush();
    }

    private EventEnvelope envelope(String type, UUID subject, UUID authority, Instant at, Map<String, Object> body) {
        try {
            return new EventEnvelope(UUID.randomUUID(), "/concordat/hosting", type, OffsetDateTime.ofInstant(at, ZoneOffset.UTC),
                    subject.toString(), authority, List.of(), json.writeValueAsBytes(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
