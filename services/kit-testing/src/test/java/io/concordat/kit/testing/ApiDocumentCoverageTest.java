package io.concordat.kit.testing;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ApiDocumentCoverageTest {

    private static final Map<String, Object> DOCUMENT = Map.of("paths", Map.of(
            "/api/v1/things", Map.of("get", Map.of(), "post", Map.of(), "parameters", List.of()),
            "/api/v1/things/{id}", Map.of("get", Map.of())));

    @Test
    void aRouteMissingFromTheDocumentIsNamed() {
        Set<String> routes = Set.of("GET /api/v1/things", "POST /api/v1/things", "GET /api/v1/things/{id}",
                "DELETE /api/v1/things/{id}");

        assertEquals(List.of("DELETE /api/v1/things/{id} is a route but is missing from the API document"),
                ApiDocumentCoverage.differences(routes, ApiDocumentCoverage.documentedOperations(DOCUMENT)));
    }

    @Test
    void anOperationNoControllerHasIsNamed() {
        Set<String> routes = Set.of("GET /api/v1/things", "GET /api/v1/things/{id}");

        assertEquals(List.of("POST /api/v1/things is in the API document but no controller has it"),
                ApiDocumentCoverage.differences(routes, ApiDocumentCoverage.documentedOperations(DOCUMENT)));
    }

    @Test
    void pathVariablePatternsAndTrailingSlashesDoNotMakeADifference() {
        assertEquals("/api/v1/things/{id}", ApiDocumentCoverage.normalise("/api/v1/things/{id:[0-9a-f-]+}/"));
    }
}
