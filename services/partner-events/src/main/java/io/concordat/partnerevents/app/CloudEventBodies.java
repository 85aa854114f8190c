package io.concordat.partnerevents.app;

import io.concordat.partnerevents.domain.LoggedEvent;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** An event as partners receive it: a CloudEvent 1.0 in structured JSON mode. */
@Singleton
public class CloudEventBodies {

    public static final String MEDIA_TYPE = "application/cloudevents+json";

    private final JsonMapper json;

    public CloudEventBodies(JsonMapper json) {
        this.json = json;
    }

    public Map<String, Object> of(LoggedEvent event) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("specversion", "1.0");
        body.put("id", event.id().toString());
        body.put("source", event.source());
        body.put("type", event.type());
        body.put("subject", event.subject());
        body.put("time", event.time().toInstant().toString());
        body.put("datacontenttype", "application/json");
        body.put("authorityid", event.authorityId().toString());
        body.put("sequence", Long.toString(event.position()));
        try {
            body.put("data", json.readValue(event.data(), Object.class));
        } catch (IOException e) {
            throw new UncheckedIOException("event " + event.id() + " has a body that is not JSON", e);
        }
        return body;
    }

    public byte[] bytes(LoggedEvent event) {
        try {
            return json.writeValueAsBytes(of(event));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
