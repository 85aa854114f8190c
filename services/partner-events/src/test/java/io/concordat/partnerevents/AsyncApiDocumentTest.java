package io.concordat.partnerevents;

import io.concordat.events.EventType;
import io.concordat.events.EventTypes;
import io.concordat.events.Topics;
import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code docs/asyncapi.yaml} is the event records written as AsyncAPI 3.0: one message per event
 * type with the JSON Schema of its data, one channel per topic and the partners' stream. The
 * document must equal what the records give (regenerate with {@code -Dasyncapi.write=true}), and
 * every golden file must fit its schema. The AsyncAPI CLI validates the document in the same build.
 */
class AsyncApiDocumentTest {

    private static final Path DOCUMENT = Path.of("../../docs/asyncapi.yaml");
    private static final Path GOLDEN = Path.of("../events/src/test/resources/golden");
    private static final Set<String> PARTNER_TOPICS = Set.of(Topics.TENANTS, Topics.OPPORTUNITIES, Topics.HOSTING);

    @Test
    void theDocumentIsWhatTheEventRecordsSay() throws IOException {
        String expected = render(document());
        if (Boolean.getBoolean("asyncapi.write")) {
            Files.writeString(DOCUMENT, expected);
        }
        assertEquals(expected, Files.readString(DOCUMENT),
                "docs/asyncapi.yaml is out of date: run this test with -Dasyncapi.write=true");
    }

    @TestFactory
    Stream<DynamicTest> everyGoldenEventFitsItsSchema() throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) new Yaml()
                .<Map<String, Object>>load(Files.readString(DOCUMENT)).get("components")).get("schemas");
        JsonMapper json = JsonMapper.createDefault();
        return EventTypes.ALL.stream().map(type -> DynamicTest.dynamicTest(type.type(), () -> {
            Map<?, ?> golden = json.readValue(Files.readAllBytes(GOLDEN.resolve(type.type() + ".json")), Map.class);
            Map<?, ?> schema = (Map<?, ?>) schemas.get(type.dataClass().getSimpleName());
            fits(golden, schema, schemas, type.type());
        }));
    }

    private static void fits(Object value, Map<?, ?> schema, Map<String, Object> schemas, String where) {
        if (schema.containsKey("$ref")) {
            String name = schema.get("$ref").toString().substring("#/components/schemas/".length());
            fits(value, (Map<?, ?>) schemas.get(name), schemas, where);
            return;
        }
        if (value == null) {
            assertTrue(schema.get("type") instanceof List<?> types && types.contains("null"), where + " is not nullable");
            return;
        }
        if (value instanceof Map<?, ?> object) {
            Map<?, ?> properties = (Map<?, ?>) schema.get("properties");
            Object requiredList = schema.get("required");
            for (Object required : requiredList == null ? List.of() : (List<?>) requiredList) {
                assertTrue(object.containsKey(required), where + " lacks " + required);
            }
            object.forEach((k, v) -> {
                assertTrue(properties.containsKey(k), where + " has " + k + ", which its schema does not");
                fits(v, (Map<?, ?>) properties.get(k), schemas, where + "." + k);
            });
        } else if (value instanceof List<?> list) {
            list.forEach(item -> fits(item, (Map<?, ?>) schema.get("items"), schemas, where + "[]"));
        }
    }

    // ---- the document, from the records

    static Map<String, Object> document() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("asyncapi", "3.0.0");
        doc.put("info", map("title", "Concordat events", "version", "1.0.0", "description",
                "Every event the platform publishes, one Kafka topic per owning service. Partner systems receive the "
                        + "same events as CloudEvents 1.0 in structured JSON mode, by signed webhook (Standard Webhooks) "
                        + "or from the live stream, and only those their authority could read when they happened; "
                        + "see docs/partners.md. Generated from the event records by AsyncApiDocumentTest."));
        doc.put("defaultContentType", "application/cloudevents+json");
        doc.put("servers", map(
                "platform", map("host", "kafka:9092", "protocol", "kafka",
                        "description", "The platform's Kafka cluster (internal: services only)."),
                "partners", map("host", "concordat.example", "pathname", "/api/v1/partner-events", "protocol", "https",
                        "description", "The partner API: the stream and paged replay (client credentials token).")));
        Map<String, Object> channels = new LinkedHashMap<>();
        Map<String, Object> operations = new LinkedHashMap<>();
        Map<String, Object> messages = new LinkedHashMap<>();
        Map<String, Object> schemas = new LinkedHashMap<>();
        List<String> topics = EventTypes.ALL.stream().map(EventType::topic).distinct().toList();
        for (String topic : topics) {
            Map<String, Object> topicMessages = new LinkedHashMap<>();
            for (EventType<?> type : EventTypes.ALL.stream().filter(t -> t.topic().equals(topic)).toList()) {
                String name = type.dataClass().getSimpleName();
                topicMessages.put(name, map("$ref", "#/components/messages/" + name));
                messages.put(name, message(type));
                schema(type.dataClass(), schemas);
            }
            String channel = channelName(topic);
            channels.put(channel, map("address", topic, "servers", List.of(map("$ref", "#/servers/platform")),
                    "description", "Keyed by the aggregate's id, so each aggregate's events stay in order.",
                    "messages", topicMessages));
            operations.put("receive" + capital(channel), map("action", "receive",
                    "channel", map("$ref", "#/channels/" + channel)));
        }
        Map<String, Object> streamMessages = new LinkedHashMap<>();
        EventTypes.ALL.stream().filter(t -> PARTNER_TOPICS.contains(t.topic())).forEach(t -> streamMessages.put(
                t.dataClass().getSimpleName(), map("$ref", "#/channels/" + channelName(t.topic()) + "/messages/"
                        + t.dataClass().getSimpleName())));
        channels.put("partnerStream", map("address", "/stream", "servers", List.of(map("$ref", "#/servers/partners")),
                "description", "Server-Sent Events: each event's id: is a position; reconnect with Last-Event-ID to "
                        + "resume. Webhooks carry the same messages, signed per Standard Webhooks.",
                "messages", streamMessages));
        operations.put("receivePartnerStream", map("action", "receive", "channel", map("$ref", "#/channels/partnerStream")));
        doc.put("channels", channels);
        doc.put("operations", operations);
        doc.put("components", map("messages", messages, "schemas", schemas));
        return doc;
    }

    private static Map<String, Object> message(EventType<?> type) {
        String name = type.dataClass().getSimpleName();
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("type", "object");
        envelope.put("required", List.of("specversion", "id", "source", "type", "subject", "time", "data"));
        envelope.put("properties", map(
                "specversion", map("type", "string", "const", "1.0"),
                "id", map("type", "string", "format", "uuid", "description", "The event id; the webhook-id of its deliveries."),
                "source", map("type", "string", "description", "The publishing service, e.g. /concordat/hosting."),
                "type", map("type", "string", "const", type.type()),
                "subject", map("type", "string", "description", "The aggregate's id."),
                "time", map("type", "string", "format", "date-time"),
                "datacontenttype", map("type", "string", "const", "application/json"),
                "authorityid", map("type", "string", "format", "uuid", "description", "The authority whose data it is."),
                "sequence", map("type", "string", "description", "Position in the partner log (stream and webhooks)."),
                "data", map("$ref", "#/components/schemas/" + name)));
        return map("name", type.type(), "title", name, "contentType", "application/cloudevents+json",
                "payload", envelope);
    }

    private static Map<String, Object> schema(Class<?> record, Map<String, Object> schemas) {
        String name = record.getSimpleName();
        if (!schemas.containsKey(name)) {
            schemas.put(name, null);
            Map<String, Object> properties = new LinkedHashMap<>();
            List<String> required = new ArrayList<>();
            for (RecordComponent c : record.getRecordComponents()) {
                boolean nullable = Arrays.stream(c.getAnnotations()).anyMatch(a -> a.annotationType().getSimpleName()
                        .equals("Nullable")) || Arrays.stream(c.getAccessor().getAnnotations())
                        .anyMatch(a -> a.annotationType().getSimpleName().equals("Nullable"));
                Map<String, Object> property = type(c.getGenericType(), schemas);
                if (nullable && property.get("type") instanceof String t) {
                    property = new LinkedHashMap<>(property);
                    property.put("type", List.of(t, "null"));
                } else if (!nullable && !(c.getType() == List.class)) {
                    required.add(c.getName());
                }
                properties.put(c.getName(), property);
            }
            Map<String, Object> schema = new LinkedHashMap<>();
            schema.put("type", "object");
            schema.put("required", required);
            schema.put("properties", properties);
            schemas.put(name, schema);
        }
        return map("$ref", "#/components/schemas/" + name);
    }

    private static Map<String, Object> type(Type type, Map<String, Object> schemas) {
        if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
            return map("type", "array", "items", type(p.getActualTypeArguments()[0], schemas));
        }
        Class<?> c = (Class<?>) type;
        if (c == UUID.class) {
            return map("type", "string", "format", "uuid");
        } else if (c == String.class) {
            return map("type", "string");
        } else if (c == Instant.class || c == OffsetDateTime.class) {
            return map("type", "string", "format", "date-time");
        } else if (c == LocalDate.class) {
            return map("type", "string", "format", "date");
        } else if (c == int.class || c == long.class || c == Integer.class || c == Long.class) {
            return map("type", "integer");
        } else if (c == BigDecimal.class || c == double.class || c == Double.class) {
            return map("type", "number");
        } else if (c == boolean.class || c == Boolean.class) {
            return map("type", "boolean");
        } else if (c.isEnum()) {
            return map("type", "string", "enum", Arrays.stream(c.getEnumConstants()).map(Object::toString).toList());
        } else if (c.isRecord()) {
            return schema(c, schemas);
        }
        throw new IllegalArgumentException("no JSON Schema for " + c);
    }

    private static String channelName(String topic) {
        String[] parts = topic.split("\\.");
        return parts[1];
    }

    private static String capital(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static Map<String, Object> map(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    private static String render(Map<String, Object> doc) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setWidth(120);
        options.setSplitLines(true);
        return "# Generated from the event records by services/partner-events AsyncApiDocumentTest\n"
                + "# (-Dasyncapi.write=true); checked against them and the golden files on every build.\n"
                + new Yaml(options).dump(doc);
    }
}
