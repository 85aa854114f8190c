package io.concordat.events;

import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Turns event records into their JSON bodies and back, with the application's JSON mapper. */
public final class EventCodec {

    private final JsonMapper json;

    public EventCodec(JsonMapper json) {
        this.json = json;
    }

    public byte[] encode(Object data) {
        try {
            return json.writeValueAsBytes(data);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode " + data.getClass().getSimpleName(), e);
        }
    }

    /**
     * @throws MalformedEventException when the body does not match the event type's record
     */
    public <T> T decode(EventEnvelope envelope, EventType<T> type) {
        if (!type.type().equals(envelope.type())) {
            throw new IllegalArgumentException("event " + envelope.id() + " is " + envelope.type() + ", not " + type.type());
        }
        try {
            return json.readValue(envelope.data(), type.dataClass());
        } catch (IOException | RuntimeException e) {
            throw new MalformedEventException("event " + envelope.id() + " has a body that is not a " + type.type(), e);
        }
    }
}
