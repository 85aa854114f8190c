package io.concordat.tenants;

import io.concordat.events.EventTypes;
import io.concordat.kit.tenancy.Roles;
import io.concordat.kit.testing.ApiCalls;
import io.concordat.kit.testing.ServiceTestProperties;
import io.concordat.kit.testing.TestTokens;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One trace covers a write from the request that made it, through the outbox relay's send to
 * Kafka, to a consumer's handling of the event: spans recorded in memory ({@link RecordedSpans}).
 * The consumer is the kit's, fed here by a subscriber of the tenants topic in the tenants service
 * itself, so that the whole path is in one process.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TracesIT implements TestPropertyProvider {

    private static final String TOPIC = "concordat.tenants.v1";

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    InMemorySpanExporter spans;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new java.util.HashMap<>(ServiceTestProperties.of("tenants_traces"));
        // a consumer group of its own, reading the tenants topic as every other service does
        properties.put("micronaut.application.name", "tenants-traces");
        properties.put("concordat.test.record-spans", "true");
        return properties;
    }

    @Test
    void oneTraceCoversTheWriteItsPublishToKafkaAndTheConsumersHandling() throws InterruptedException {
        String platform = TestTokens.get().withoutAuthority(Roles.PLATFORM_ADMIN);
        String domain = "c" + UUID.randomUUID().toString().substring(0, 12) + ".gov.uk";
        String body = ("{\"name\":\"Amber Valley Borough Council\",\"kind\":\"BOROUGH\",\"gssCode\":\"E07%06d\","
                + "\"emailDomains\":[\"%s\"],\"firstAdmin\":{\"email\":\"admin@%s\",\"firstName\":\"First\",\"lastName\":\"Admin\"}}")
                .formatted(ThreadLocalRandom.current().nextInt(1_000_000), domain, domain);

        HttpResponse<Map> registered = new ApiCalls(http).exchange(HttpMethod.POST, "/api/v1/tenants/authorities", platform, body);
        String traceId = registered.header("X-Trace-Id");
        assertNotNull(traceId, "the answer names its trace");

        SpanData process = awaitSpan(traceId, SpanKind.CONSUMER);
        List<SpanData> trace = spans.getFinishedSpanItems().stream().filter(s -> s.getTraceId().equals(traceId)).toList();
        SpanData server = only(trace, SpanKind.SERVER);
        SpanData publish = only(trace, SpanKind.PRODUCER);

        assertEquals("POST /api/v1/tenants/authorities", server.getName());
        assertEquals(TOPIC + " publish", publish.getName());
        assertEquals(TOPIC + " process", process.getName());
        assertTrue(descendsFrom(publish, server, trace), "the publish span is part of the request's span tree");
        assertEquals(publish.getSpanId(), process.getParentSpanId(), "the consumer's span is the publish span's child");
        assertEquals(process.getSpanId(), RecordedSpans.HANDLED_IN.get(UUID.fromString((String) registered.body().get("id"))),
                "the handler ran in the consumer's span");
        assertEquals(EventTypes.AUTHORITY_REGISTERED.type(),
                process.getAttributes().get(AttributeKey.stringKey("cloudevents.event_type")),
                "the consumer's span names the event it handled");
    }

    private SpanData awaitSpan(String traceId, SpanKind kind) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            Optional<SpanData> found = spans.getFinishedSpanItems().stream()
                    .filter(s -> s.getTraceId().equals(traceId) && s.getKind() == kind).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no " + kind + " span in trace " + traceId + " within 20 s; spans of it: "
                + spans.getFinishedSpanItems().stream().filter(s -> s.getTraceId().equals(traceId)).map(SpanData::getName).toList());
    }

    private static SpanData only(List<SpanData> trace, SpanKind kind) {
        List<SpanData> of = trace.stream().filter(s -> s.getKind() == kind).toList();
        assertEquals(1, of.size(), "one " + kind + " span in the trace: " + trace.stream().map(SpanData::getName).toList());
        return of.get(0);
    }

    private static boolean descendsFrom(SpanData span, SpanData ancestor, List<SpanData> trace) {
        String parent = span.getParentSpanId();
        for (int hops = 0; hops < trace.size(); hops++) {
            if (parent.equals(ancestor.getSpanId())) {
                return true;
            }
            String current = parent;
            Optional<SpanData> next = trace.stream().filter(s -> s.getSpanId().equals(current)).findFirst();
            if (next.isEmpty()) {
                return false;
            }
            parent = next.get().getParentSpanId();
        }
        return false;
    }
}
