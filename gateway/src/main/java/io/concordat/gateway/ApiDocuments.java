package io.concordat.gateway;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Puts the services' own OpenAPI documents together into the one the gateway publishes: every path
 * (each service owns {@code /api/v1/<service>/}), one tag per service, operation ids prefixed with the
 * service, and the components of all. Two services' components of one name that differ are both
 * kept, the later one renamed with its service's name and every reference to it rewritten.
 */
public final class ApiDocuments {

    static final String SECURITY_SCHEME = "bearer";
    private static final Set<String> OPERATIONS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private ApiDocuments() {
    }

    /** The published document from each service's own, by service name. */
    public static Map<String, Object> merge(Map<String, Map<String, Object>> byService) {
        Map<String, Object> paths = new TreeMap<>();
        Map<String, Map<String, Object>> components = new TreeMap<>();
        List<Object> tags = new ArrayList<>();
        new TreeMap<>(byService).forEach((service, original) -> {
            Map<String, Object> document = copy(original);
            Map<String, Object> info = section(document, "info");
            String tag = String.valueOf(info.getOrDefault("title", service));
            Map<String, Object> tagEntry = new LinkedHashMap<>();
            tagEntry.put("name", tag);
            tagEntry.put("description", String.valueOf(info.getOrDefault("description", "The " + service + " service."))
                    + " Under `/api/v1/" + service + "/`.");
            tags.add(tagEntry);
            renameClashingComponents(service, document, components);
            section(document, "components").forEach((kind, defs) ->
                    components.computeIfAbsent(kind, k -> new TreeMap<>()).putAll(asMap(defs)));
            section(document, "paths").forEach((path, item) -> {
                if (paths.containsKey(path)) {
                    throw new IllegalStateException("two services document " + path);
                }
                asMap(item).forEach((verb, operation) -> {
                    if (OPERATIONS.contains(verb)) {
                        Map<String, Object> op = asMap(operation);
                        op.put("tags", List.of(tag));
                        if (op.containsKey("operationId")) {
                            op.put("operationId", service + "." + op.get("operationId"));
                        }
                    }
                });
                paths.put(path, item);
            });
        });
        Map<String, Object> merged = new LinkedHashMap<>();
        merged.put("openapi", "3.1.0");
        merged.put("info", info());
        merged.put("servers", List.of(Map.of("url", "/", "description", "This gateway")));
        merged.put("security", List.of(Map.of(SECURITY_SCHEME, List.of())));
        merged.put("tags", tags);
        merged.put("paths", paths);
        merged.put("components", components);
        return withNullablesRepaired(merged);
    }

    private static Map<String, Object> info() {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("title", "Concordat API");
        info.put("version", "v1");
        info.put("description", """
                Councils and other public bodies finding, agreeing, running and reporting on shared services. \
                Every call needs a bearer token from the identity provider's `concordat` realm. Every error is \
                `application/problem+json` (RFC 9457) with a stable `type`. Lists answered as JSON arrays are paged \
                with `page` and `size` and say their total in `X-Total-Count` and the next and previous pages in `Link`.""");
        return info;
    }

    /**
     * Renames, within one service's document, each component whose name another service already gave to a
     * different component, until none clash (a renamed schema changes those that refer to it).
     */
    private static void renameClashingComponents(String service, Map<String, Object> document,
                                                 Map<String, Map<String, Object>> merged) {
        String prefix = pascal(service);
        boolean renamed = true;
        while (renamed) {
            renamed = false;
            for (Map.Entry<String, Object> kind : section(document, "components").entrySet()) {
                Map<String, Object> defs = asMap(kind.getValue());
                Map<String, Object> taken = merged.getOrDefault(kind.getKey(), Map.of());
                for (Map.Entry<String, Object> def : new ArrayList<>(defs.entrySet())) {
                    Object existing = taken.get(def.getKey());
                    if (existing != null && !existing.equals(def.getValue()) && !def.getKey().startsWith(prefix)) {
                        String to = prefix + def.getKey();
                        defs.remove(def.getKey());
                        defs.put(to, def.getValue());
                        String from = "#/components/" + kind.getKey() + "/";
                        rewrite(document, from + def.getKey(), from + to);
                        renamed = true;
                        break;
                    }
                }
                if (renamed) {
                    break;
                }
            }
        }
    }

    private static void rewrite(Object node, String from, String to) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> m = asMap(map);
            for (Map.Entry<String, Object> e : m.entrySet()) {
                if ("$ref".equals(e.getKey()) && from.equals(e.getValue())) {
                    e.setValue(to);
                } else {
                    rewrite(e.getValue(), from, to);
                }
            }
        } else if (node instanceof List<?> list) {
            list.forEach(item -> rewrite(item, from, to));
        }
    }

    /**
     * Repairs the two ways the generator (micronaut-openapi 6.20, OpenAPI 3.1) writes a nullable value: a
     * nullable string as {@code type: [string, null, object]} (it adds {@code object} when it cannot read the
     * single type it has just moved into the list), so {@code object} is dropped where it sits beside another
     * type and null; and a nullable reference as {@code type: null} with {@code allOf: [ref]}, which nothing
     * satisfies, so it becomes {@code anyOf: [ref, {type: null}]}.
     */
    @SuppressWarnings("unchecked")
    static <T> T withNullablesRepaired(T node) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> m = (Map<String, Object>) map;
            Object type = m.get("type");
            if (type instanceof List<?> types && types.contains("null") && types.contains("object") && types.size() > 2) {
                m.put("type", types.stream().filter(t -> !"object".equals(t)).toList());
            }
            if ("null".equals(type) && m.get("allOf") instanceof List<?> allOf && allOf.size() == 1) {
                m.remove("type");
                m.remove("allOf");
                m.put("anyOf", List.of(allOf.get(0), new LinkedHashMap<>(Map.of("type", "null"))));
            }
            m.values().forEach(ApiDocuments::withNullablesRepaired);
        } else if (node instanceof List<?> list) {
            list.forEach(ApiDocuments::withNullablesRepaired);
        }
        return node;
    }

    private static String pascal(String service) {
        StringBuilder out = new StringBuilder();
        for (String part : service.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                out.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
            }
        }
        return out.toString();
    }

    private static Map<String, Object> section(Map<String, Object> document, String name) {
        Object section = document.get(name);
        return section == null ? new LinkedHashMap<>() : asMap(section);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object node) {
        return (Map<String, Object>) node;
    }

    /** A deep, mutable copy, so that merging never changes what a service sent. */
    @SuppressWarnings("unchecked")
    static <T> T copy(T node) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), copy(v)));
            return (T) out;
        }
        if (node instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(item -> out.add(copy(item)));
            return (T) out;
        }
        return node;
    }
}
