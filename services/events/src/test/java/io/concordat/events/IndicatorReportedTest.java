package io.concordat.events;

import io.concordat.events.hosting.v1.IndicatorReported;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class IndicatorReportedTest {

    private final JsonMapper json = ObjectMapper.getDefault();

    @Test
    void aReadingPublishedBeforePeriodsHadDatesStillReadsWithoutThem() throws IOException {
        String old = """
                {"arrangementId": "3c5e7a9b-1d2f-4a6c-8e0b-2d4f6a8c0e08", "indicatorId": "4d6f8b0c-2e3a-4b7d-9f1c-3e5a7b9d1f09",
                 "indicatorName": "Days to process a new claim", "recipientAuthorityId": "1c8d4d4f-5b10-4f8f-8b7d-1f4b6e3a2b05",
                 "period": "2026-Q1", "value": 22, "target": 20, "rating": "AMBER", "reportedAt": "2026-04-10T10:00:00Z"}""";
        IndicatorReported reading = json.readValue(old.getBytes(StandardCharsets.UTF_8), IndicatorReported.class);
        assertEquals("2026-Q1", reading.period());
        assertNull(reading.periodFirstDay());
        assertNull(reading.periodLastDay());
    }
}
