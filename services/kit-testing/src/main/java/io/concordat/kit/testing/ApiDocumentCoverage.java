package io.concordat.kit.testing;

import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.annotation.AnnotationValue;
import io.micronaut.core.io.service.SoftServiceLoader;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.HttpMethodMapping;
import io.micronaut.http.annotation.Status;
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
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares a service's routes, as its compiled controllers declare them (the bean definitions
 * Micronaut's router is built from), with the OpenAPI document generated at build time
 * ({@code META-INF/swagger/openapi.json} on the class path). A route the document leaves out, or
 * an operation the service no longer has, is named; so is an operation whose documented success
 * status is not the one its method answers ({@link #statusDifferences()}).
 */
public final class ApiDocumentCoverage {

    /** Where micronaut-openapi writes each service's document (the build's {@code micronaut.openapi.filename}). */
    public static final String DOCUMENT = io.concordat.kit.apidocs.ApiDocumentController.DOCUMENT;

    /** The public API; the kit's own {@code /openapi} route serves the document and is not in it. */
    private static final String API = "/api/";
    private static final String OWN_PACKAGES = "io.concordat.";
    private static final Set<String> OPERATIONS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    /** What {@link HttpResponse}'s factories answer, for a method that builds its answer with one. */
    private static final Map<String, String> RESPONSE_FACTORIES = Map.of("ok", "200", "created", "201",
            "accepted", "202", "noContent", "204");

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

    /**
     * Every operation whose documented success statuses (its {@code 2xx} responses) are not those its
     * method answers: the {@link Status} it carries, else the {@link HttpResponse} factories it calls
     * ({@code created} is 201, {@code noContent} 204...), else 200 for a method that returns its body.
     * A method that sets a status any other way is not judged. Empty when all agree.
     */
    @SuppressWarnings("unchecked")
    public static List<String> statusDifferences() {
        Map<String, Object> paths = (Map<String, Object>) document().getOrDefault("paths", Map.of());
        Map<String, Set<String>> documented = new HashMap<>();
        paths.forEach((path, item) -> ((Map<String, Object>) item).forEach((verb, operation) -> {
            if (OPERATIONS.contains(verb)) {
                Map<String, Object> responses = (Map<String, Object>) ((Map<String, Object>) operation)
                        .getOrDefault("responses", Map.of());
                documented.put(verb.toUpperCase(Locale.ROOT) + " " + normalise(path),
                        new TreeSet<>(responses.keySet().stream().filter(code -> code.startsWith("2")).toList()));
            }
        }));
        ClassFileImporter importer = new ClassFileImporter();
        List<String> differences = new ArrayList<>();
        new TreeMap<>(routeMethods()).forEach((route, method) -> {
            Set<String> answered = answered(importer, method);
            Set<String> described = documented.get(route);
            if (answered != null && described != null && !answered.equals(described)) {
                differences.add(route + " answers " + answered + " but the API document says " + described);
            }
        });
        return differences;
    }

    /** The success statuses a method answers, or null when they cannot be read from it. */
    private static Set<String> answered(ClassFileImporter importer, ExecutableMethod<?, ?> method) {
        Set<String> statuses = new TreeSet<>();
        method.enumValue(Status.class, HttpStatus.class).ifPresent(status -> statuses.add(String.valueOf(status.getCode())));
        if (!statuses.isEmpty()) {
            return statuses;
        }
        if (!HttpResponse.class.isAssignableFrom(method.getReturnType().getType())) {
            return Set.of("200");
        }
        JavaMethod code = importer.importClass(method.getDeclaringType())
                .getMethod(method.getMethodName(), method.getArgumentTypes());
        for (JavaMethodCall call : code.getMethodCallsFromSelf()) {
            // the factories are HttpResponse's own; what is called on what they made (body, header) is not a status
            if (call.getTargetOwner().isEquivalentTo(HttpResponse.class)) {
                String status = RESPONSE_FACTORIES.get(call.getName());
                if (status == null) {
                    return null;
                }
                statuses.add(status);
            }
        }
        return statuses.isEmpty() ? null : statuses;
    }

    /** {@code "GET /api/v1/x/{id}"} for every controller method mapped under {@code /api/}, query variables left out. */
    public static Set<String> routes() {
        return routeMethods().keySet();
    }

    private static Map<String, ExecutableMethod<?, ?>> routeMethods() {
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

    private static Map<String, ExecutableMethod<?, ?>> routes(java.util.function.UnaryOperator<String> resolve) {
        Map<String, ExecutableMethod<?, ?>> routes = new HashMap<>();
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
                            routes.put(verb + " " + path, method);
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
