package io.concordat.tenants;

import io.concordat.events.EventTypes;
import io.concordat.kit.inbox.EventSubscriber;
import io.concordat.kit.inbox.Subscriptions;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * For a test that asks with {@code concordat.test.record-spans=true}: every finished span kept in
 * memory (Micronaut's OpenTelemetry takes a {@link SpanProcessor} bean beside the exporter it is
 * configured with, none in tests), and a consumer of the tenants topic in this service, as every
 * other service has one, that notes the span each registration was handled in.
 */
@Factory
@Requires(property = "concordat.test.record-spans", value = "true")
class RecordedSpans {

    /** The span id current while each registered authority's event was handled, by authority. */
    static final Map<UUID, String> HANDLED_IN = new ConcurrentHashMap<>();

    @Singleton
    InMemorySpanExporter exporter() {
        return InMemorySpanExporter.create();
    }

    @Singleton
    SpanProcessor processor(InMemorySpanExporter exporter) {
        return SimpleSpanProcessor.create(exporter);
    }

    @Singleton
    EventSubscriber registrations() {
        return (Subscriptions on) -> on.event(EventTypes.AUTHORITY_REGISTERED, (registered, event) ->
                HANDLED_IN.put(registered.authorityId(), Span.current().getSpanContext().getSpanId()));
    }
}
