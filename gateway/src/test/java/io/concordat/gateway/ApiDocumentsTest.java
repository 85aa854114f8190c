package io.concordat.gateway;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ApiDocumentsTest {

    private static Map<String, Object> service(String path, Map<String, Object> schemas) {
        return Map.of("openapi", "3.1.0", "info", Map.of("title", "A service", "version", "v1"),
                "paths", Map.of(path, Map.of("get", Map.of("operationId", "get", "responses", Map.of("200",
                        Map.of("description", "ok", "content", Map.of("application/json",
                                Map.of("schema", Map.of("$ref", "#/components/schemas/Thing")))))))),
                "components", Map.of("schemas", schemas));
    }

    @Test
    @SuppressWarnings("unchecked")
    void schemasOfOneNameThatDifferAreBothKeptAndTheLaterRenamedWhereverItIsReferred() {
        Map<String, Object> merged = ApiDocuments.merge(Map.of(
                "hosting", service("/api/v1/hosting/x", Map.of("Thing", Map.of("type", "object"))),
                "partner-events", service("/api/v1/partner-events/x", Map.of("Thing", Map.of("type", "string")))));

        Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) merged.get("components")).get("schemas");
        assertEquals(Map.of("Thing", Map.of("type", "object"), "PartnerEventsThing", Map.of("type", "string")), schemas);
        assertEquals(true, String.valueOf(merged.get("paths")).contains("#/components/schemas/PartnerEventsThing"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void identicalSchemasAreSharedAndOperationIdsNameTheirService() {
        Map<String, Object> merged = ApiDocuments.merge(Map.of(
                "hosting", service("/api/v1/hosting/x", Map.of("Thing", Map.of("type", "object"))),
                "tenants", service("/api/v1/tenants/x", Map.of("Thing", Map.of("type", "object")))));

        Map<String, Object> paths = (Map<String, Object>) merged.get("paths");
        assertEquals("tenants.get", ((Map<String, Object>) ((Map<String, Object>) paths.get("/api/v1/tenants/x")).get("get"))
                .get("operationId"));
        assertEquals(Map.of("Thing", Map.of("type", "object")),
                ((Map<String, Object>) merged.get("components")).get("schemas"));
    }

    @Test
    void twoServicesDocumentingOnePathIsRefused() {
        assertThrows(IllegalStateException.class, () -> ApiDocuments.merge(Map.of(
                "hosting", service("/api/v1/x", Map.of()), "tenants", service("/api/v1/x", Map.of()))));
    }

    @Test
    void aNullableStringIsAStringOrNullNotAnObject() {
        Map<String, Object> schema = ApiDocuments.copy(Map.of("type", List.of("string", "null", "object")));

        assertEquals(Map.of("type", List.of("string", "null")), ApiDocuments.withNullablesRepaired(schema));
        assertEquals(Map.of("type", List.of("object", "null")),
                ApiDocuments.withNullablesRepaired(ApiDocuments.copy(Map.of("type", List.of("object", "null")))));
    }

    @Test
    void aNullableReferenceIsTheReferredSchemaOrNull() {
        Map<String, Object> ref = Map.of("$ref", "#/components/schemas/BoardRequest");
        Map<String, Object> schema = ApiDocuments.copy(Map.of("type", "null", "allOf", List.of(ref)));

        assertEquals(Map.of("anyOf", List.of(ref, Map.of("type", "null"))), ApiDocuments.withNullablesRepaired(schema));
    }
}
