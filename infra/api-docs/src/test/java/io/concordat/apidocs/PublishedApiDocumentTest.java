package io.concordat.apidocs;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.concordat.gateway.ApiDocuments;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The document the gateway publishes, put together from the documents the services' builds generated,
 * passes Redocly CLI's lint with the rules in {@code redocly.yaml}; it is written to
 * {@code target/api-docs/openapi.json} for anyone to read.
 */
class PublishedApiDocumentTest {

    private static final List<String> SERVICES = List.of("tenants", "opportunities", "hosting", "reporting", "partner-events");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Path ROOT = Path.of(System.getProperty("concordat.root"));
    private static final Path OUT = Path.of(System.getProperty("concordat.api-docs.out"));

    private static final Map<String, Map<String, Object>> BY_SERVICE = new TreeMap<>();
    private static Path published;

    @BeforeAll
    static void putTheServicesDocumentsTogether() throws IOException {
        for (String service : SERVICES) {
            Path document = ROOT.resolve("services").resolve(service).resolve("target/classes/META-INF/swagger/openapi.json");
            BY_SERVICE.put(service, JSON.readValue(document.toFile(), new TypeReference<Map<String, Object>>() { }));
        }
        Files.createDirectories(OUT);
        published = OUT.resolve("openapi.json");
        JSON.writeValue(published.toFile(), ApiDocuments.merge(BY_SERVICE));
    }

    @Test
    void thePublishedDocumentPassesTheOpenApiLinter() throws Exception {
        Lint lint = lint(published);

        assertEquals(0, lint.exitCode(), lint.output());
    }

    @Test
    void theLinterFailsADocumentWithAnOperationWithoutASummary() throws Exception {
        String withoutSummary = Files.readString(published, StandardCharsets.UTF_8)
                .replaceFirst("\"summary\" : \"[^\"]*\",", "");
        assertNotEquals(Files.readString(published, StandardCharsets.UTF_8), withoutSummary);
        Path broken = OUT.resolve("openapi-without-a-summary.json");
        Files.writeString(broken, withoutSummary, StandardCharsets.UTF_8);

        Lint lint = lint(broken);

        assertNotEquals(0, lint.exitCode(), lint.output());
        assertTrue(lint.output().contains("operation-summary"), lint.output());
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyOperationOfEveryServiceIsPublished() throws IOException {
        Map<String, Object> document = JSON.readValue(published.toFile(), new TypeReference<Map<String, Object>>() { });
        Map<String, Object> paths = (Map<String, Object>) document.get("paths");
        BY_SERVICE.forEach((service, own) -> ((Map<String, Object>) own.getOrDefault("paths", Map.of())).forEach((path, item) ->
                assertEquals(((Map<String, Object>) item).keySet(), ((Map<String, Object>) paths.get(path)).keySet(),
                        service + " " + path)));
        assertTrue(paths.size() > 40, "the services' paths: " + paths.size());
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyRequestBodyHasAnExample() throws IOException {
        Map<String, Object> document = JSON.readValue(published.toFile(), new TypeReference<Map<String, Object>>() { });
        Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) document.get("components")).get("schemas");
        List<String> without = new java.util.ArrayList<>();
        ((Map<String, Object>) document.get("paths")).forEach((path, item) -> ((Map<String, Object>) item).forEach((verb, op) -> {
            Object body = ((Map<String, Object>) op).get("requestBody");
            if (body == null) {
                return;
            }
            Map<String, Object> content = (Map<String, Object>) ((Map<String, Object>) body).get("content");
            Map<String, Object> schema = (Map<String, Object>) ((Map<String, Object>) content.get("application/json")).get("schema");
            String ref = String.valueOf(schema.get("$ref"));
            Map<String, Object> target = (Map<String, Object>) schemas.get(ref.substring(ref.lastIndexOf('/') + 1));
            if (target == null || !target.containsKey("examples")) {
                without.add(verb + " " + path + " (" + ref + ")");
            }
        }));

        assertEquals(List.of(), without);
    }

    private record Lint(int exitCode, String output) {
    }

    private static Lint lint(Path document) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(System.getProperty("concordat.redocly"), "lint",
                "--config", System.getProperty("concordat.redocly.config"), "--format", "stylish",
                "--max-problems", "1000", document.toString())
                .redirectErrorStream(true);
        builder.environment().put("REDOCLY_TELEMETRY", "off");
        builder.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("the linter did not finish: " + output);
        }
        return new Lint(process.exitValue(), output);
    }
}
