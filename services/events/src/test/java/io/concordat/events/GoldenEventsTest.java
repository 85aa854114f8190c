package io.concordat.events;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.ObjectMapper;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Each event type has a golden JSON body in {@code src/test/resources/golden}. Reading it and
 * writing it back must give the same JSON: a renamed field, a changed date format or a dropped
 * value fails here before it reaches a consumer.
 */
class GoldenEventsTest {

    private final JsonMapper json = ObjectMapper.getDefault();
    private final EventCodec codec = new EventCodec(json);

    @TestFactory
    Stream<DynamicTest> everyEventTypeRoundTripsItsGoldenJson() {
        return EventTypes.ALL.stream().map(type -> DynamicTest.dynamicTest(type.type(), () -> roundTrip(type)));
    }

    private <T> void roundTrip(EventType<T> type) throws IOException {
        byte[] golden = golden(type.type());
        T data = json.readValue(golden, type.dataClass());
        assertNotNull(data);
        JsonNode expected = json.readValue(golden, JsonNode.class);
        JsonNode actual = json.readValue(codec.encode(data), JsonNode.class);
        assertEquals(expected, actual, "wire form of " + type.type() + " drifted from its golden file");
    }

    private static byte[] golden(String type) throws IOException {
        try (InputStream in = GoldenEventsTest.class.getResourceAsStream("/golden/" + type + ".json")) {
            assertNotNull(in, "no golden file for " + type);
            return in.readAllBytes();
        }
    }
}
