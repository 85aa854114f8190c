package io.concordat.kit.observability;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapSetter;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.StreamSupport;

/**
 * Carries a request's W3C Trace Context ({@code traceparent} and {@code tracestate})
 * from the change that published an event to every consumer's effect of it.
 *
 * <p>The outbox stores the trace context current when the event is published ({@link #current()}),
 * the relay writes it into the record's headers ({@link #carry}), and the consumer makes it
 * current, with its trace id in the log context, around the handlers ({@link #restore}). So one
 * trace id follows a request from the gateway through the service to every service that reads
 * its events, in logs and in spans.
 *
 * <p>Given a {@link Tracer}, each hop is also a span of that trace, named and described as
 * OpenTelemetry's messaging conventions say: the relay's {@code <topic> publish} (a producer span,
 * child of the request that wrote the event, whose context is what the record carries) and the
 * consumer's {@code <topic> process} (a consumer span, child of the publish span, current while the
 * handlers run). Without one (a rebuild replaying old events) the context is carried and restored
 * with no span of its own.
 */
public final class KafkaTraceContext {

    /** One line per event received in a trace, as the access log has one per request. */
    private static final Logger LOG = LoggerFactory.getLogger("io.concordat.events");
    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();
    private static final String TRACEPARENT = "traceparent";
    private static final String TRACESTATE = "tracestate";
    /** No spans of its own: the context is only carried. */
    public static final Tracer NO_SPANS = OpenTelemetry.noop().getTracer("io.concordat.kit");
    private static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("messaging.system");
    private static final AttributeKey<String> DESTINATION = AttributeKey.stringKey("messaging.destination.name");
    private static final AttributeKey<String> OPERATION = AttributeKey.stringKey("messaging.operation.type");
    private static final AttributeKey<String> MESSAGE_KEY = AttributeKey.stringKey("messaging.kafka.message.key");
    private static final AttributeKey<Long> PARTITION = AttributeKey.longKey("messaging.destination.partition.id");
    private static final AttributeKey<Long> OFFSET = AttributeKey.longKey("messaging.kafka.offset");
    private static final AttributeKey<String> EVENT_TYPE = AttributeKey.stringKey("cloudevents.event_type");

    private KafkaTraceContext() {
    }

    private static String typeOf(ConsumerRecord<?, ?> record) {
        Header type = record.headers().lastHeader("ce_type");
        return type == null ? "record" : new String(type.value(), StandardCharsets.UTF_8);
    }

    /**
     * The current trace context as the value of a {@code traceparent} header, with any
     * {@code tracestate} after a newline; null outside a trace.
     */
    public static String current() {
        Map<String, String> fields = new HashMap<>();
        W3C.inject(Context.current(), fields, MapAccess.INSTANCE);
        return join(fields);
    }

    /** Adds the stored trace context (from {@link #current()}, possibly null) to an outgoing record's headers. */
    public static <K, V> ProducerRecord<K, V> carry(String stored, ProducerRecord<K, V> record) {
        if (stored == null || stored.isBlank()) {
            return record;
        }
        int newline = stored.indexOf('\n');
        Headers headers = record.headers();
        headers.remove(TRACEPARENT).remove(TRACESTATE);
        headers.add(TRACEPARENT, (newline < 0 ? stored : stored.substring(0, newline)).getBytes(StandardCharsets.US_ASCII));
        if (newline >= 0) {
            headers.add(TRACESTATE, stored.substring(newline + 1).getBytes(StandardCharsets.US_ASCII));
        }
        return record;
    }

    /**
     * Starts the producer span of an outgoing record whose event was published in the stored trace
     * context (from {@link #current()}, possibly null), and puts that span's context in the record's
     * headers. The caller ends the span when the broker has acknowledged the record. Outside a
     * trace, nothing is started or carried ({@link Span#getInvalid()}).
     */
    public static Span publishing(Tracer tracer, String stored, ProducerRecord<?, ?> record) {
        Context parent = W3C.extract(Context.root(), parse(stored), MapAccess.INSTANCE);
        if (!Span.fromContext(parent).getSpanContext().isValid()) {
            return Span.getInvalid();
        }
        Span span = tracer.spanBuilder(record.topic() + " publish").setParent(parent).setSpanKind(SpanKind.PRODUCER)
                .setAttribute(SYSTEM, "kafka").setAttribute(DESTINATION, record.topic())
                .setAttribute(OPERATION, "publish")
                .setAttribute(MESSAGE_KEY, record.key() == null ? "" : record.key().toString())
                .setAttribute(EVENT_TYPE, headerOf(record.headers(), "ce_type"))
                .startSpan();
        Map<String, String> fields = new HashMap<>();
        W3C.inject(parent.with(span), fields, MapAccess.INSTANCE);
        carry(join(fields), record);
        return span;
    }

    /**
     * Runs {@code work} with the record's trace context current and its trace id in the log
     * context; a record without one (or with a malformed one) runs as it is.
     */
    public static <T> T restore(ConsumerRecord<?, ?> record, Supplier<T> work) {
        return restore(NO_SPANS, record, work);
    }

    /**
     * Runs {@code work} in a consumer span of the record's trace, current and in the log context;
     * the span records a failure before it is thrown on. A record without a trace context (or with
     * a malformed one) runs as it is, in no span.
     */
    public static <T> T restore(Tracer tracer, ConsumerRecord<?, ?> record, Supplier<T> work) {
        Context parent = W3C.extract(Context.root(), record.headers(), HeaderAccess.INSTANCE);
        if (!Span.fromContext(parent).getSpanContext().isValid()) {
            return work.get();
        }
        Span span = tracer.spanBuilder(record.topic() + " process").setParent(parent).setSpanKind(SpanKind.CONSUMER)
                .setAttribute(SYSTEM, "kafka").setAttribute(DESTINATION, record.topic())
                .setAttribute(OPERATION, "process")
                .setAttribute(PARTITION, (long) record.partition()).setAttribute(OFFSET, record.offset())
                .setAttribute(EVENT_TYPE, typeOf(record))
                .startSpan();
        SpanContext ids = span.getSpanContext();
        Map<String, String> before = MDC.getCopyOfContextMap();
        try (Scope ignored = parent.with(span).makeCurrent()) {
            MDC.put(LogContext.TRACE_ID, ids.getTraceId());
            MDC.put(LogContext.SPAN_ID, ids.getSpanId());
            LOG.info("{} from {} partition {} offset {}", typeOf(record), record.topic(), record.partition(), record.offset());
            return work.get();
        } catch (RuntimeException | Error e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR);
            throw e;
        } finally {
            span.end();
            if (before == null) {
                MDC.clear();
            } else {
                MDC.setContextMap(before);
            }
        }
    }

    private static Map<String, String> parse(String stored) {
        Map<String, String> fields = new HashMap<>();
        if (stored == null || stored.isBlank()) {
            return fields;
        }
        int newline = stored.indexOf('\n');
        fields.put(TRACEPARENT, newline < 0 ? stored : stored.substring(0, newline));
        if (newline >= 0) {
            fields.put(TRACESTATE, stored.substring(newline + 1));
        }
        return fields;
    }

    private static String join(Map<String, String> fields) {
        String parent = fields.get(TRACEPARENT);
        if (parent == null) {
            return null;
        }
        String state = fields.get(TRACESTATE);
        return state == null || state.isEmpty() ? parent : parent + "\n" + state;
    }

    private static String headerOf(Headers headers, String key) {
        Header header = headers.lastHeader(key);
        return header == null || header.value() == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }

    private enum MapAccess implements TextMapSetter<Map<String, String>>, TextMapGetter<Map<String, String>> {
        INSTANCE;

        @Override
        public void set(Map<String, String> carrier, String key, String value) {
            carrier.put(key, value);
        }

        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    }

    private enum HeaderAccess implements TextMapGetter<Headers> {
        INSTANCE;

        @Override
        public Iterable<String> keys(Headers carrier) {
            return StreamSupport.stream(carrier.spliterator(), false).map(Header::key).toList();
        }

        @Override
        public String get(Headers carrier, String key) {
            Header header = carrier == null ? null : carrier.lastHeader(key);
            return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    }
}
