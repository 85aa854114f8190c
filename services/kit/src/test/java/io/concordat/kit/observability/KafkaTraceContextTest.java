package io.concordat.kit.observability;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class KafkaTraceContextTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String SPAN = "00f067aa0ba902b7";

    @Test
    void theTraceOfThePublishingRequestIsCurrentAndLoggedWhileTheConsumerHandlesTheRecord() {
        String stored;
        try (Scope ignored = Context.root().with(Span.wrap(SpanContext.create(TRACE, SPAN, TraceFlags.getSampled(),
                TraceState.builder().put("concordat", "a").build()))).makeCurrent()) {
            stored = KafkaTraceContext.current();
        }
        ProducerRecord<String, byte[]> sent = KafkaTraceContext.carry(stored,
                new ProducerRecord<>("concordat.opportunities.v1", "key", new byte[0]));
        ConsumerRecord<String, byte[]> received = new ConsumerRecord<>("concordat.opportunities.v1", 0, 7, "key", new byte[0]);
        for (Header header : sent.headers()) {
            received.headers().add(header);
        }

        String[] seen = KafkaTraceContext.restore(received, () -> new String[] {
                Span.current().getSpanContext().getTraceId(), MDC.get(LogContext.TRACE_ID),
                Span.current().getSpanContext().getTraceState().get("concordat")});

        assertEquals("00-" + TRACE + "-" + SPAN + "-01",
                new String(sent.headers().lastHeader("traceparent").value(), StandardCharsets.US_ASCII));
        assertEquals(TRACE, seen[0]);
        assertEquals(TRACE, seen[1]);
        assertEquals("a", seen[2]);
        assertNull(MDC.get(LogContext.TRACE_ID), "the log context is left as it was");
    }

    @Test
    void anEventPublishedOutsideATraceCarriesNoneAndIsHandledAsItIs() {
        assertNull(KafkaTraceContext.current());
        ProducerRecord<String, byte[]> sent = KafkaTraceContext.carry(null, new ProducerRecord<>("t", "k", new byte[0]));
        ConsumerRecord<String, byte[]> received = new ConsumerRecord<>("t", 0, 0, "k", new byte[0]);
        received.headers().add("traceparent", "00-not-a-trace".getBytes(StandardCharsets.US_ASCII));

        boolean valid = KafkaTraceContext.restore(received, () -> Span.current().getSpanContext().isValid());

        assertNull(sent.headers().lastHeader("traceparent"));
        assertEquals(false, valid);
    }
}
