package io.concordat.kit.testing;

import io.micronaut.core.annotation.AnnotationMetadata;
import io.micronaut.core.beans.BeanIntrospection;
import io.micronaut.core.beans.BeanIntrospector;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends hostile input to every route a service has, as its router lists them, so that a new
 * endpoint is swept without being named: NUL, control and bidirectional characters, oversize
 * text, extreme dates and numbers, {@code [null]} in lists, wrong types, malformed JSON, wrong
 * content types, and invalid percent-encoding in the path and the query. Each answer must be
 * below 500, a 4xx must be problem+json, a change must not be accepted, and the service's tables
 * must be as they were (a fingerprint read as the database superuser).
 *
 * <p>Requests go over plain sockets so that what is sent is exactly what a hostile client would
 * send, malformed escapes included. {@link #run} returns the failures; an empty list is the pass.
 */
public final class HostileInputSweep {

    private static final String OVERSIZE = "x".repeat(100_001);
    private static final List<String> FREE_TEXT = List.of("\"a\\u0000b\"", "\"a\\u0007b\"", "\"\\ud800\"",
            "\"a\\u001bb\"", "\"" + OVERSIZE + "\"");
    private static final List<String> SHORT_TEXT = java.util.stream.Stream.concat(FREE_TEXT.stream(),
            java.util.stream.Stream.of("\"line\\nbreak\"", "\"\\u202Eevil\\u202C\"", "\"\\u2066x\\u2069\"")).toList();
    private static final List<String> DATES = List.of("\"+999999999-12-31\"", "\"-999999999-01-01\"", "\"0000-01-01\"",
            "\"2024-02-30\"");
    private static final List<String> NUMBERS = List.of("2147483648", "-2147483649", "9223372036854775808", "1e400",
            "-1e400");
    private static final List<String> DECIMALS = List.of("1e400", "-1e400", "1e13", "0.00000001");
    private static final List<String> LONG_NUMBERS = List.of("9223372036854775808", "-9223372036854775809", "1e400",
            "-1e400");
    /** Values of the wrong JSON type; a scalar where text is expected is read as its text, as JSON readers do. */
    private static final List<String> WRONG_TYPES = List.of("{}", "[]");
    private static final List<String> PATH_VALUES = List.of("%zz", "%ff", "%00", "a%00b", "%E2%80%AE", "+999999999-12-31",
            "2147483648", "x".repeat(5000));
    private static final List<String> QUERY_VALUES = List.of("%ff", "%zz", "a%00b", "%0A", "%E2%80%AEx", "%2B999999999-12-31", "-999999999-01-01",
            "2147483648", "9223372036854775808", "1e400", "x".repeat(5000));
    private static final List<String> WHOLE_BODIES = List.of("{\"a\":", "{", "]", "[null]", "\"text\"", "[]", "\u0000");
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}?/]+)}");

    private final Router router;
    private final int port;
    private final String database;
    private final Map<String, String> pathValues = new LinkedHashMap<>();
    private final List<String> sent = new ArrayList<>();
    private final Map<String, Object> examples = new LinkedHashMap<>();
    private final Map<String, Object> fieldSamples = new LinkedHashMap<>();

    /**
     * @param database the service's test database, for the fingerprint
     */
    public HostileInputSweep(Router router, int port, String database) {
        this.router = router;
        this.port = port;
        this.database = database;
    }

    /** Real values for path variables by name (e.g. an existing arrangement's id), so that requests reach handlers. */
    public HostileInputSweep pathValue(String variable, Object value) {
        return pathValue("/", variable, value);
    }

    /** As {@link #pathValue(String, Object)}, for routes under a path only; the longest matching path wins. */
    public HostileInputSweep pathValue(String underPath, String variable, Object value) {
        pathValues.put(underPath + "#" + variable, String.valueOf(value));
        return this;
    }

    private String pathValue(String template, String variable) {
        return pathValues.entrySet().stream()
                .filter(e -> e.getKey().endsWith("#" + variable) && template.startsWith(e.getKey().substring(0,
                        e.getKey().length() - variable.length() - 1)))
                .max(java.util.Comparator.comparingInt(e -> e.getKey().length()))
                .map(Map.Entry::getValue).orElse(null);
    }

    /**
     * A valid body for a route, e.g. {@code example(POST, "/api/v1/opportunities/vacancies", "{...}")}: each of
     * its values is then replaced, one at a time, by hostile ones, so that the rest of the body would pass and
     * the hostile value is what the service must refuse. Routes without an example get a body made up from the
     * request record's fields and {@link #sample}s.
     */
    public HostileInputSweep example(HttpMethod method, String routeTemplate, String json) {
        examples.put(method + " " + routeTemplate, parse(json));
        return this;
    }

    /** A valid JSON value for every body field of this name that has no example, e.g. {@code sample("kind", "\"DISTRICT\"")}. */
    public HostileInputSweep sample(String field, String json) {
        fieldSamples.put(field, parse(json));
        return this;
    }

    private static Object parse(String json) {
        try {
            return io.micronaut.serde.ObjectMapper.getDefault().readValue(json, Object.class);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + json, e);
        }
    }

    /** How many requests the last run sent. */
    public int requestsSent() {
        return sent.size();
    }

    /** Sends every family to every route with each token; returns the failures. */
    public List<String> run(String... tokens) {
        String before = fingerprint();
        List<String> failures = new ArrayList<>();
        sent.clear();
        List<UriRouteInfo<?, ?>> routes = router.uriRoutes()
                .filter(r -> r.getUriMatchTemplate().toString().startsWith("/api/")).toList();
        for (String token : tokens) {
            for (UriRouteInfo<?, ?> route : routes) {
                sweep(route, token, failures);
            }
        }
        String after = fingerprint();
        if (!before.equals(after)) {
            failures.add("the service's tables changed:\n before " + before + "\n after  " + after);
        }
        return failures;
    }

    private void sweep(UriRouteInfo<?, ?> route, String token, List<String> failures) {
        HttpMethod method = route.getHttpMethod();
        String template = route.getUriMatchTemplate().toString();
        int queryPart = template.indexOf("{?");
        String pathTemplate = queryPart < 0 ? template : template.substring(0, queryPart);
        List<String> variables = new ArrayList<>();
        Matcher m = VARIABLE.matcher(pathTemplate);
        while (m.find()) {
            variables.add(m.group(1));
        }
        Function<Map<String, String>, String> path = overrides -> {
            Matcher vm = VARIABLE.matcher(pathTemplate);
            StringBuilder out = new StringBuilder();
            while (vm.find()) {
                String name = vm.group(1);
                String real = pathValue(pathTemplate, name);
                vm.appendReplacement(out, Matcher.quoteReplacement(overrides.getOrDefault(name,
                        real == null ? UUID.randomUUID().toString() : real)));
            }
            vm.appendTail(out);
            return out.toString();
        };
        Argument<?> bodyType = null;
        List<String> queryNames = new ArrayList<>();
        for (Argument<?> argument : route.getTargetMethod().getArguments()) {
            AnnotationMetadata a = argument.getAnnotationMetadata();
            if (a.hasAnnotation(Body.class)) {
                bodyType = argument;
            } else if (a.hasAnnotation(QueryValue.class)) {
                queryNames.add(a.stringValue(QueryValue.class).filter(s -> !s.isEmpty()).orElse(argument.getName()));
            }
        }
        if (bodyType != null && !bodyType.getAnnotationMetadata().hasStereotype(jakarta.validation.Valid.class)) {
            failures.add(method + " " + pathTemplate + ": its body is not @Valid, so the input rules do not apply to it");
        }
        Object base = bodyType == null ? null
                : examples.containsKey(method + " " + pathTemplate) ? examples.get(method + " " + pathTemplate)
                : sample(pathTemplate, bodyType, 0);
        String baseBody = base == null ? null : Json.write(base);
        String plain = path.apply(Map.of());

        for (String variable : variables) {
            for (String value : PATH_VALUES) {
                send(failures, method, path.apply(Map.of(variable, value)), token, "application/json", baseBody);
            }
        }
        for (String name : queryNames) {
            for (String value : QUERY_VALUES) {
                send(failures, method, plain + "?" + name + "=" + value, token, "application/json", baseBody);
            }
        }
        send(failures, method, plain + "?%zz=1", token, "application/json", baseBody);
        if (bodyType == null) {
            return;
        }
        for (String whole : WHOLE_BODIES) {
            send(failures, method, plain, token, "application/json", whole);
        }
        if (baseBody != null && base instanceof Map<?, ?>) {
            send(failures, method, plain, token, "text/plain", baseBody);
            send(failures, method, plain, token, "application/xml", baseBody);
            send(failures, method, plain, token, "application/x-www-form-urlencoded", "a=%00");
            for (Leaf leaf : leaves(base, "", bodyType)) {
                for (String hostile : leaf.values()) {
                    send(failures, method, plain, token, "application/json", Json.write(leaf.replace(hostile)),
                            leaf.path() + " = " + abbreviate(hostile));
                }
            }
        }
    }

    private void send(List<String> failures, HttpMethod method, String path, String token, String contentType, String body) {
        send(failures, method, path, token, contentType, body, body == null ? "" : contentType + " " + abbreviate(body));
    }

    private void send(List<String> failures, HttpMethod method, String path, String token, String contentType, String body,
                      String what) {
        String description = method + " " + abbreviate(path) + " " + what;
        sent.add(description);
        Answer answer = exchange(method, path, token, contentType, body);
        if (answer.status >= 500) {
            failures.add(answer.status + " for " + description + ": " + abbreviate(answer.body));
        } else if (answer.status >= 400 && !answer.contentType.toLowerCase(Locale.ROOT).startsWith("application/problem+json")) {
            failures.add(answer.status + " without problem+json (" + answer.contentType + ") for " + description);
        } else if (answer.status < 400 && !safe(method)) {
            failures.add(answer.status + " accepted " + description);
        }
    }

    private record Answer(int status, String contentType, String body) {
    }

    private Answer exchange(HttpMethod method, String path, String token, String contentType, String body) {
        byte[] payload = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            boolean noBody = safe(method) || body == null;
            String head = method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                    + "\r\nAccept: application/json\r\nConnection: close\r\n"
                    + (noBody ? "" : "Content-Type: " + contentType + "\r\nContent-Length: "
                    + payload.length + "\r\n") + "\r\n";
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            if (!noBody) {
                out.write(payload);
            }
            out.flush();
            byte[] response = readAll(socket.getInputStream());
            String text = new String(response, StandardCharsets.UTF_8);
            int headEnd = text.indexOf("\r\n\r\n");
            String headers = headEnd < 0 ? text : text.substring(0, headEnd);
            int status = Integer.parseInt(headers.substring(9, 12));
            String type = "";
            for (String line : headers.split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-type:")) {
                    type = line.substring(13).strip();
                }
            }
            return new Answer(status, type, headEnd < 0 ? "" : text.substring(headEnd + 4));
        } catch (IOException e) {
            throw new UncheckedIOException("no answer to " + method + " " + abbreviate(path), e);
        }
    }

    private static boolean safe(HttpMethod method) {
        return method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS;
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
    }

    /** A fingerprint of every table of the service's database: row count and digest of the rows, per table. */
    public String fingerprint() {
        String tables = Superuser.query(database, "select string_agg(quote_ident(table_schema) || '.' || "
                + "quote_ident(table_name), ',' order by table_schema, table_name) from information_schema.tables "
                + "where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')");
        if (tables == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (String table : tables.split(",")) {
            out.append(table).append('=').append(Superuser.query(database, "select count(*) || ':' || "
                    + "coalesce(md5(string_agg(t::text, '|' order by t::text)), '') from " + table + " t")).append(' ');
        }
        return out.toString().strip();
    }

    // --- sample bodies and their leaves ---

    private Object sample(String template, Argument<?> type, int depth) {
        Class<?> c = type.getType();
        String name = type.getName() == null ? "" : type.getName();
        if (fieldSamples.containsKey(name)) {
            return fieldSamples.get(name);
        }
        if (c == String.class) {
            return name.toLowerCase(Locale.ROOT).contains("financialyear") ? "2024/25" : "x";
        }
        if (c == LocalDate.class) {
            return "2024-04-01";
        }
        if (c == UUID.class) {
            String real = pathValue(template, name);
            return real == null ? UUID.randomUUID().toString() : real;
        }
        if (c == boolean.class || c == Boolean.class) {
            return Boolean.FALSE;
        }
        if (Number.class.isAssignableFrom(c) || (c.isPrimitive() && c != char.class)) {
            return 1;
        }
        if (c.isEnum()) {
            return c.getEnumConstants()[0].toString();
        }
        if (depth > 6) {
            return null;
        }
        if (Collection.class.isAssignableFrom(c)) {
            Object element = sample(template, type.getFirstTypeVariable().orElse(Argument.STRING), depth + 1);
            return element == null ? List.of() : List.of(element);
        }
        if (Map.class.isAssignableFrom(c)) {
            Argument<?>[] p = type.getTypeParameters();
            Object value = p.length > 1 ? sample(template, p[1], depth + 1) : "x";
            Map<String, Object> map = new LinkedHashMap<>();
            map.put(p.length > 0 && p[0].getType() == UUID.class ? UUID.randomUUID().toString() : "key", value);
            return map;
        }
        BeanIntrospection<?> introspection = BeanIntrospector.SHARED.findIntrospection(c).orElse(null);
        if (introspection == null) {
            return null;
        }
        Map<String, Object> object = new LinkedHashMap<>();
        for (Argument<?> argument : introspection.getConstructorArguments()) {
            object.put(argument.getName(), sample(template, argument, depth + 1));
        }
        return object;
    }

    /** One value of the sample body that can be replaced by hostile ones. */
    private record Leaf(Object root, List<Object> path, List<String> values) {
        Object replace(String raw) {
            return Json.replaced(root, path, 0, new Json.Raw(raw));
        }
    }

    private List<Leaf> leaves(Object root, String unused, Argument<?> type) {
        List<Leaf> out = new ArrayList<>();
        collect(root, root, new ArrayList<>(), type, out, 0);
        return out;
    }

    private static void collect(Object root, Object node, List<Object> path, Argument<?> type, List<Leaf> out, int depth) {
        Class<?> c = type.getType();
        if (node instanceof Map<?, ?> map && depth < 6) {
            BeanIntrospection<?> introspection = BeanIntrospector.SHARED.findIntrospection(c).orElse(null);
            Argument<?>[] params = type.getTypeParameters();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                Argument<?> childType = introspection != null
                        ? java.util.Arrays.stream(introspection.getConstructorArguments())
                        .filter(a -> a.getName().equals(entry.getKey())).findFirst().orElse(Argument.OBJECT_ARGUMENT)
                        : params.length > 1 ? params[1] : Argument.OBJECT_ARGUMENT;
                List<Object> childPath = new ArrayList<>(path);
                childPath.add(entry.getKey());
                collect(root, entry.getValue(), childPath, childType, out, depth + 1);
            }
            out.add(new Leaf(root, path, path.isEmpty() ? List.of("2147483648") : List.of("[]", "\"text\"")));
        } else if (node instanceof List<?> list && depth < 6) {
            out.add(new Leaf(root, path, List.of("[null]", "[null, null]", "{}", "\"text\"")));
            if (!list.isEmpty()) {
                List<Object> childPath = new ArrayList<>(path);
                childPath.add(0);
                collect(root, list.get(0), childPath, type.getFirstTypeVariable().orElse(Argument.OBJECT_ARGUMENT), out,
                        depth + 1);
            }
        } else if (c == LocalDate.class) {
            out.add(new Leaf(root, path, with(DATES, WRONG_TYPES)));
        } else if (c == String.class) {
            int max = type.getAnnotationMetadata().intValue(jakarta.validation.constraints.Size.class, "max").orElse(0);
            out.add(new Leaf(root, path, with(max > io.concordat.kit.input.InputRules.SHORT_TEXT_MAX
                    && max != Integer.MAX_VALUE ? FREE_TEXT : SHORT_TEXT, WRONG_TYPES)));
        } else if (c == UUID.class) {
            out.add(new Leaf(root, path, with(List.of("\"not-a-uuid\"", "\"\\u0000\""), WRONG_TYPES)));
        } else if (c == boolean.class || c == Boolean.class) {
            out.add(new Leaf(root, path, WRONG_TYPES));
        } else if (c == long.class || c == Long.class) {
            out.add(new Leaf(root, path, with(LONG_NUMBERS, WRONG_TYPES)));
        } else if (c == BigDecimal.class || c == double.class || c == Double.class) {
            out.add(new Leaf(root, path, with(DECIMALS, WRONG_TYPES)));
        } else if (node instanceof Number || c.isPrimitive() || Number.class.isAssignableFrom(c)) {
            out.add(new Leaf(root, path, with(NUMBERS, WRONG_TYPES)));
        } else if (c.isEnum()) {
            out.add(new Leaf(root, path, with(List.of("\"NOT_A_CHOICE\""), WRONG_TYPES)));
        }
    }

    private static List<String> with(List<String> values, List<String> more) {
        return java.util.stream.Stream.concat(values.stream(), more.stream()).toList();
    }

    private static String abbreviate(String s) {
        return s.length() > 160 ? s.substring(0, 160) + "...(" + s.length() + " chars)" : s;
    }

    /** The little JSON this sweep needs: writing maps, lists and scalars, with raw values spliced in. */
    static final class Json {
        record Raw(String json) {
        }

        static Object replaced(Object node, List<Object> path, int at, Object value) {
            if (at == path.size()) {
                return value;
            }
            Object key = path.get(at);
            if (node instanceof Map<?, ?> map) {
                Map<Object, Object> copy = new LinkedHashMap<>(map);
                copy.put(key, replaced(map.get(key), path, at + 1, value));
                return copy;
            }
            List<Object> copy = new ArrayList<>((List<?>) node);
            copy.set((Integer) key, replaced(copy.get((Integer) key), path, at + 1, value));
            return copy;
        }

        static String write(Object node) {
            StringBuilder out = new StringBuilder();
            write(node, out);
            return out.toString();
        }

        private static void write(Object node, StringBuilder out) {
            if (node == null) {
                out.append("null");
            } else if (node instanceof Raw raw) {
                out.append(raw.json());
            } else if (node instanceof Map<?, ?> map) {
                out.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    string(String.valueOf(e.getKey()), out);
                    out.append(':');
                    write(e.getValue(), out);
                }
                out.append('}');
            } else if (node instanceof List<?> list) {
                out.append('[');
                for (int i = 0; i < list.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    write(list.get(i), out);
                }
                out.append(']');
            } else if (node instanceof String s) {
                string(s, out);
            } else {
                out.append(node);
            }
        }

        private static void string(String s, StringBuilder out) {
            out.append('"');
            for (char c : s.toCharArray()) {
                if (c == '"' || c == '\\') {
                    out.append('\\').append(c);
                } else if (c < 0x20) {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
            out.append('"');
        }
    }
}
