package io.concordat.events;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CloudEventsKafkaTest {

    private static final UUID AUTHORITY = UUID.fromString("0b7c3c3e-4a0f-4f7e-9a6c-0e3a5d2f1a01");
    private static final UUID REGION_A = UUID.fromString("5a1f9e2d-6c3b-4d8e-9f70-1a2b3c4d5e03");
    private static final UUID REGION_B = UUID.fromString("6b2fae3e-7d4c-4e9f-8071-2b3c4d5e6f04");

    @Test
    void envelopeTravelsAsBinaryModeHeadersKeyedByItsSubject() {
        EventEnvelope sent = envelope(List.of(REGION_A, REGION_B));

        ProducerRecord<String, byte[]> record = CloudEventsKafka.toRecord(Topics.OPPORTUNITIES, sent);

        assertEquals("opportunity-42", record.key());
        assertEquals("1.0", header(record, "ce_specversion"));
        assertEquals("io.concordat.opportunity.proposed.v1", header(record, "ce_type"));
        assertEquals(AUTHORITY.toString(), header(record, "ce_authorityid"));
        assertEquals("application/json", header(record, "content-type"));
        assertArrayEquals(sent.data(), record.value());
    }

    @Test
    void recordReadsBackAsTheSameEnvelope() {
        EventEnvelope sent = envelope(List.of(REGION_A, REGION_B));

        EventEnvelope received = CloudEventsKafka.fromRecord(asConsumed(CloudEventsKafka.toRecord(Topics.OPPORTUNITIES, sent)));

        assertEquals(sent.id(), received.id());
        assertEquals(sent.source(), received.source());
        assertEquals(sent.type(), received.type());
        assertEquals(sent.time().toInstant(), received.time().toInstant());
        assertEquals(sent.subject(), received.subject());
        assertEquals(sent.authorityId(), received.authorityId());
        assertEquals(List.of(REGION_A, REGION_B), received.regionIds());
        assertArrayEquals(sent.data(), received.data());
    }

    @Test
    void eventSharedWithNoRegionReadsBackWithAnEmptyRegionList() {
        EventEnvelope received = CloudEventsKafka.fromRecord(
                asConsumed(CloudEventsKafka.toRecord(Topics.OPPORTUNITIES, envelope(List.of()))));

        assertEquals(List.of(), received.regionIds());
    }

    @Test
    void recordWithoutCloudEventsHeadersIsMalformed() {
        ConsumerRecord<String, byte[]> plain = new ConsumerRecord<>(Topics.OPPORTUNITIES, 0, 0, "k",
                "{}".getBytes(StandardCharsets.UTF_8));

        assertThrows(MalformedEventException.class, () -> CloudEventsKafka.fromRecord(plain));
    }

    private static EventEnvelope envelope(List<UUID> regions) {
        return new EventEnvelope(UUID.randomUUID(), "/concordat/opportunities", EventTypes.OPPORTUNITY_PROPOSED.type(),
                OffsetDateTime.of(2026, 4, 2, 14, 5, 0, 0, ZoneOffset.UTC), "opportunity-42", AUTHORITY, regions,
                "{\"title\":\"Shared elections service\"}".getBytes(StandardCharsets.UTF_8));
    }

    private static ConsumerRecord<String, byte[]> asConsumed(ProducerRecord<String, byte[]> record) {
        return new ConsumerRecord<>(record.topic(), 0, 0L, 0L, TimestampType.CREATE_TIME, 0, 0,
                record.key(), record.value(), record.headers(), Optional.empty());
    }

    private static String header(ProducerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
