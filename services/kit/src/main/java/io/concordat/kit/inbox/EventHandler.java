package io.concordat.kit.inbox;

import io.concordat.events.EventEnvelope;

import java.util.Set;

/**
 * Applies the events of some topics to a service's own data. Every bean of this type is fed by
 * the service's {@link IdempotentConsumer}.
 */
public interface EventHandler {

    /** The topics whose events this handler wants. */
    Set<String> topics();

    /**
     * Applies one event. Runs inside the transaction that records the event as processed, with
     * the event's authority set as the tenant; it is called at most once per event id. Throw to
     * have the event retried; after the retries it goes to the topic's dead-letter topic.
     *
     * @param topic the topic the event was read from
     */
    void handle(EventEnvelope event, String topic);
}
