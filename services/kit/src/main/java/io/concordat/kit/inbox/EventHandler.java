package io.concordat.kit.inbox;

import io.concordat.events.EventEnvelope;

import java.util.Set;

/**
 * Takes every event of some topics, whatever its type: for a log of the topics themselves. A
 * handler that applies chosen types subscribes to them with {@link EventSubscriber} instead.
 * Every bean of this type is fed by the service's {@link IdempotentConsumer}.
 */
public interface EventHandler {

    /** The topics whose events this handler wants. */
    Set<String> topics();

    /**
     * Applies one event, inside the batch's transaction with the event's authority set as the
     * tenant; it is called at most once per event id. Failures are handled as for
     * {@link EventSubscriber}.
     *
     * @param topic the topic the event was read from
     */
    void handle(EventEnvelope event, String topic);
}
