package io.concordat.kit.testing;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.annotation.AnnotationValue;
import io.micronaut.core.io.service.SoftServiceLoader;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.HttpMethodMapping;
import io.micronaut.http.uri.UriMatchTemplate;
import io.micronaut.inject.BeanDefinition;
import io.micronaut.inject.BeanDefinitionReference;
import io.micronaut.inject.ExecutableMethod;
import io.micronaut.serde.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares a service's routes, as its compiled controllers declare them (the bean definitions
 * Micronaut's router is built from), with the OpenAPI document generated at build time
 * ({@code META-INF/swagger/openapi.json} on the class path). A route the document leaves out, or
 * an operation the service no longer has, is named.
 */
public final class ApiDocumentCoverage {

    /** Where micronaut-openapi writes each service's document (the build's {@code micronaut.openapi.filename}). */
    public static final String DOCUMENT = io.concordat.kit.apidocs.ApiDocumentController.DOCUMENT;

    /** The public API; the kit's own {@code /openapi} route serves the document and is not in it. */
    private static final String API = "/api/";
    private static final String OWN_PACKAGES = "io.concordat.";
    private static final Set<String> OPERATIONS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private ApiDocumentCoverage() {
    }

    /** Every difference between the service's routes and its document; empty when they agree. */
    public static List<String> differences() {
        return differences(routes(), documentedOperations(document()));
    }

    static List<String> differences(Set<String> routes, Set<String> documented) {
        List<String> differences = new ArrayList<>();
        for (String route : new TreeSet<>(routes)) {
            if (!documented.contains(route)) {
                differences.add(route + " is a route but is missing from the API document");
            }
        }
        for (String operation : new TreeSet<>(documented)) {
            if (!routes.contains(operation)) {
                differences.add(operation + " is in the API document but no controller has it");
            }
        }
        return differences;
    }

    /** {@code "GET /api/v1/x/{id}"} for every controller method mapped under {@code /api/}, query variables left out. */
    public static Set<String> routes() {
        // a path may name a setting (the kit's dead-letter API is under the service's own name): the
        // document has it resolved from the service's configuration, and so must the routes
        ApplicationContext context = ApplicationContext.builder().deduceEnvironment(false).build();
        context.getEnvironment().start();
        try {
            return routes(context.getEnvironment().getPlaceholderResolver()::resolveRequiredPlaceholders);
        } finally {
            context.getEnvironment().stop();
        }
    }

    private static Set<String> routes(java.util.function.UnaryOperator<String> resolve) {
        Set<String> routes = new HashSet<>();
        Set<String> seen = new HashSet<>();
        List<BeanDefinitionReference> references = new ArrayList<>();
        SoftServiceLoader.load(BeanDefinitionReference.class).collectAll(references, BeanDefinitionReference::isPresent);
        for (BeanDefinitionReference<?> reference : references) {
            // the framework's own controllers (security's login and keys endpoints) are off here and not the API
            if (!reference.getAnnotationMetadata().hasStereotype(Controller.class)
                    || !reference.getBeanType().getName().startsWith(OWN_PACKAGES)
                    || !seen.add(reference.getBeanType().getName())) {
                continue;
            }
            BeanDefinition<?> bean = reference.load();
            String root = bean.stringValue(Controller.class).orElse("/");
            for (ExecutableMethod<?, ?> method : bean.getExecutableMethods()) {
                for (AnnotationValue<?> mapping : method.getAnnotationValuesByStereotype(HttpMethodMapping.class.getName())) {
                    String name = mapping.getAnnotationName();
                    String verb = name.substring(name.lastIndexOf('.') + 1).toUpperCase(Locale.ROOT);
                    List<String> uris = new ArrayList<>(List.of(mapping.stringValues("uris")));
                    if (uris.isEmpty()) {
                        uris.add(mapping.stringValue().orElse("/"));
                    }
                    for (String uri : uris) {
                        String path = normalise(UriMatchTemplate.of(resolve.apply(root)).nest(resolve.apply(uri)).toPathString());
                        if (path.startsWith(API)) {
                            routes.add(verb + " " + path);
                        }
                    }
                }
            }
        }
        return routes;
    }

    /** The service's generated document, read from the class path. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> document() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(DOCUMENT)) {
            if (in == null) {
                throw new IllegalStateException(DOCUMENT + " is not on the class path: is micronaut-openapi in the build?");
            }
            return ObjectMapper.getDefault().readValue(in.readAllBytes(), Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Set<String> documentedOperations(Map<String, Object> document) {
        Set<String> operations = new HashSet<>();
        Map<String, Object> paths = (Map<String, Object>) document.getOrDefault("paths", Map.of());
        paths.forEach((path, item) -> ((Map<String, Object>) item).keySet().stream()
                .filter(OPERATIONS::contains)
                .forEach(verb -> operations.add(verb.toUpperCase(Locale.ROOT) + " " + normalise(path))));
        return operations;
    }

    /** {@code /a/{id:[0-9]+}/} and {@code /a/{id}} are one path. */
    static String normalise(String path) {
        String plain = path.replaceAll("\\{([^}:?/]+):[^}]*}", "{$1}");
        return plain.length() > 1 && plain.endsWith("/") ? plain.substring(0, plain.length() - 1) : plain;
    }
}
