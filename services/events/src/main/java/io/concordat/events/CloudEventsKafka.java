package io.concordat.events;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The Kafka binary binding of CloudEvents 1.0 for {@link EventEnvelope}: attributes travel as
 * {@code ce_*} headers, the body is the JSON data. The authority and regions are CloudEvents
 * extension attributes ({@code ce_authorityid}, {@code ce_regionids}, space separated) so that
 * a partner filter can decide visibility without parsing the body.
 */
public final class CloudEventsKafka {

    public static final String AUTHORITY_EXTENSION = "authorityid";
    public static final String REGIONS_EXTENSION = "regionids";
    private static final String JSON = "application/json";

    private CloudEventsKafka() {
    }

    public static ProducerRecord<String, byte[]> toRecord(String topic, EventEnvelope envelope) {
        CloudEvent event = CloudEventBuilder.v1()
                .withId(envelope.id().toString())
                .withSource(URI.create(envelope.source()))
                .withType(envelope.type())
                .withTime(envelope.time())
                .withSubject(envelope.subject())
                .withDataContentType(JSON)
                .withExtension(AUTHORITY_EXTENSION, envelope.authorityId().toString())
                .withExtension(REGIONS_EXTENSION, envelope.regionIds().stream()
                        .map(UUID::toString).collect(Collectors.joining(" ")))
                .withData(envelope.data())
                .build();
        return KafkaMessageFactory.createWriter(topic, envelope.subject()).writeBinary(event);
    }

    /**
     * Reads a record written by {@link #toRecord}.
     *
     * @throws MalformedEventException when the record is not a complete Concordat CloudEvent
     */
    public static EventEnvelope fromRecord(ConsumerRecord<?, byte[]> record) {
        CloudEvent event;
        try {
            event = KafkaMessageFactory.createReader(record).toEvent();
        } catch (RuntimeException e) {
            throw new MalformedEventException("not a CloudEvent in the binary binding: " + e.getMessage(), e);
        }
        Object authority = event.getExtension(AUTHORITY_EXTENSION);
        if (authority == null || event.getTime() == null || event.getSubject() == null || event.getData() == null) {
            throw new MalformedEventException("event " + event.getId() + " lacks time, subject, authority or data", null);
        }
        try {
            return new EventEnvelope(
                    UUID.fromString(event.getId()),
                    event.getSource().toString(),
                    event.getType(),
                    event.getTime(),
                    event.getSubject(),
                    UUID.fromString(authority.toString()),
                    parseRegions(event.getExtension(REGIONS_EXTENSION)),
                    event.getData().toBytes());
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException("event " + event.getId() + " has a malformed id: " + e.getMessage(), e);
        }
    }

    private static List<UUID> parseRegions(Object value) {
        if (value == null || value.toString().isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.toString().trim().split("\\s+")).map(UUID::fromString).toList();
    }
}
