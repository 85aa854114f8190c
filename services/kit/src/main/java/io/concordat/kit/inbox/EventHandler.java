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
     * Whether this handler wants events of {@code type} from its topics; every type unless it says
     * otherwise. An event it does not want is not handed to it, and the batch does not set its
     * authority as the tenant for it: a handler that keeps only a few types says which, so the
     * events it passes over do not cost a round trip each.
     */
    default boolean wants(String type) {
        return true;
    }

    /**
     * Applies one event, inside the batch's transaction with the event's authority set as the
     * tenant; it is called at most once per event id. Failures are handled as for
     * {@link EventSubscriber}.
     *
     * @param topic the topic the event was read from
     */
    void handle(EventEnvelope event, String topic);
}
