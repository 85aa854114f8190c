package io.concordat.kit.observability;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
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
 */
public final class KafkaTraceContext {

    /** One line per event received in a trace, as the access log has one per request. */
    private static final Logger LOG = LoggerFactory.getLogger("io.concordat.events");
    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();
    private static final String TRACEPARENT = "traceparent";
    private static final String TRACESTATE = "tracestate";

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
        String parent = fields.get(TRACEPARENT);
        if (parent == null) {
            return null;
        }
        String state = fields.get(TRACESTATE);
        return state == null || state.isEmpty() ? parent : parent + "\n" + state;
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
     * Runs {@code work} with the record's trace context current and its trace id in the log
     * context; a record without one (or with a malformed one) runs as it is.
     */
    public static <T> T restore(ConsumerRecord<?, ?> record, Supplier<T> work) {
        Context context = W3C.extract(Context.root(), record.headers(), HeaderAccess.INSTANCE);
        SpanContext span = Span.fromContext(context).getSpanContext();
        if (!span.isValid()) {
            return work.get();
        }
        Map<String, String> before = MDC.getCopyOfContextMap();
        try (Scope ignored = context.makeCurrent()) {
            MDC.put(LogContext.TRACE_ID, span.getTraceId());
            MDC.put(LogContext.SPAN_ID, span.getSpanId());
            LOG.info("{} from {} partition {} offset {}", typeOf(record), record.topic(), record.partition(), record.offset());
            return work.get();
        } finally {
            if (before == null) {
                MDC.clear();
            } else {
                MDC.setContextMap(before);
            }
        }
    }

    private enum MapAccess implements TextMapSetter<Map<String, String>> {
        INSTANCE;

        @Override
        public void set(Map<String, String> carrier, String key, String value) {
            carrier.put(key, value);
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
