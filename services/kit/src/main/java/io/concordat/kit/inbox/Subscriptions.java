package io.concordat.kit.inbox;

import io.concordat.events.EventCodec;
import io.concordat.events.EventEnvelope;
import io.concordat.events.EventType;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Routes each event to the handlers subscribed to its type, decoded once into its record, and to
 * the {@link EventHandler}s that take every event of its topic.
 */
public final class Subscriptions {

    /** Applies one event's decoded payload. */
    @FunctionalInterface
    public interface Handler<T> {
        void handle(T data, EventEnvelope event);
    }

    /**
     * Sets whom a handler acts for, just before it runs: the platform for a subscription made with
     * {@link #asPlatform}, the event's authority for every other.
     */
    public interface Scope {
        /** Leaves the transaction's tenant as it is: for callers that set it themselves. */
        Scope UNCHANGED = new Scope() {
            @Override
            public void platform() {
            }

            @Override
            public void authority() {
            }
        };

        void platform();

        void authority();
    }

    private record Route<T>(EventType<T> type, Handler<T> handler, boolean platform) {
        void apply(Object data, EventEnvelope event) {
            handler.handle(type.dataClass().cast(data), event);
        }
    }

    private final EventCodec codec;
    private final Map<String, List<Route<?>>> byType = new LinkedHashMap<>();
    private final Map<String, EventType<?>> types = new LinkedHashMap<>();
    private final List<EventHandler> wholeTopics = new ArrayList<>();
    private final Set<String> topics = new TreeSet<>();

    public Subscriptions(EventCodec codec) {
        this.codec = codec;
    }

    /** Every subscriber's and handler's routes, for the consumer. */
    public static Subscriptions of(EventCodec codec, Collection<EventSubscriber> subscribers,
                                   Collection<EventHandler> handlers) {
        Subscriptions subscriptions = new Subscriptions(codec);
        subscribers.forEach(s -> s.subscribe(subscriptions));
        handlers.forEach(subscriptions::wholeTopic);
        return subscriptions;
    }

    /** Subscribes {@code handler} to every event of {@code type}, run with the event's authority as the tenant. */
    public <T> Subscriptions event(EventType<T> type, Handler<T> handler) {
        return route(type, handler, false);
    }

    /**
     * Subscribes {@code handler} to every event of {@code type}, run as the platform: for a read
     * model that gathers every authority's facts. The handler leaves the tenant as it finds it, so
     * a batch of such events sets it once; it may gather its writes with
     * {@link io.concordat.kit.store.BatchedWrites}, sent as one multi-row statement each at the end of the batch.
     */
    public <T> Subscriptions asPlatform(EventType<T> type, Handler<T> handler) {
        return route(type, handler, true);
    }

    private <T> Subscriptions route(EventType<T> type, Handler<T> handler, boolean platform) {
        byType.computeIfAbsent(type.type(), t -> new ArrayList<>()).add(new Route<>(type, handler, platform));
        types.put(type.type(), type);
        topics.add(type.topic());
        return this;
    }

    void wholeTopic(EventHandler handler) {
        wholeTopics.add(handler);
        topics.addAll(handler.topics());
    }

    /** The topics that carry at least one subscribed type. */
    public Set<String> topics() {
        return Set.copyOf(topics);
    }

    /**
     * Applies {@code event}, read from {@code topic}, to everything subscribed to it; an event
     * nobody subscribed to is accepted and does nothing.
     *
     * @throws io.concordat.events.MalformedEventException when the body is not the type's record
     */
    public void apply(String topic, EventEnvelope event) {
        apply(topic, event, Scope.UNCHANGED);
    }

    /** As {@link #apply(String, EventEnvelope)}, setting each handler's tenant through {@code scope} first. */
    public void apply(String topic, EventEnvelope event, Scope scope) {
        List<Route<?>> routes = byType.getOrDefault(event.type(), List.of());
        if (!routes.isEmpty()) {
            EventType<?> type = types.get(event.type());
            if (type.topic().equals(topic)) {
                Object data = codec.decode(event, type);
                for (Route<?> route : routes) {
                    if (route.platform()) {
                        scope.platform();
                    } else {
                        scope.authority();
                    }
                    route.apply(data, event);
                }
            }
        }
        for (EventHandler handler : wholeTopics) {
            if (handler.topics().contains(topic) && handler.wants(event.type())) {
                scope.authority();
                handler.handle(event, topic);
            }
        }
    }
}
