package io.concordat.events;

import java.util.Objects;

/**
 * Describes one kind of event: its CloudEvents {@code type}, the Java record carrying its data,
 * and the topic it is published on.
 *
 * @param type      the CloudEvents type, e.g. {@code io.concordat.opportunity.proposed.v1}
 * @param dataClass the record that is the event's JSON body
 * @param topic     the Kafka topic the owning service publishes it on
 * @param <T>       the data record
 */
public record EventType<T>(String type, Class<T> dataClass, String topic) {

    public EventType {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(dataClass, "dataClass");
        Objects.requireNonNull(topic, "topic");
    }
}
