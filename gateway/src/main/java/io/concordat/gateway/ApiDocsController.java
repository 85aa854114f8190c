package io.concordat.gateway;

import io.concordat.kit.problem.ProblemResponses;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The published API documents: {@code /api/docs} is a browsable page (Swagger UI, served from its
 * webjar, nothing from elsewhere) over {@code /api/docs/openapi.json}, the services' own documents put
 * together ({@link ApiDocuments}), fetched from each service when asked for. Open to anyone, as the
 * API's description is not a secret; a service that does not answer makes it a 503, never a document
 * with that service left out.
 */
@Controller(ApiDocsController.PATH)
@Secured(SecurityRule.IS_ANONYMOUS)
public class ApiDocsController {

    static final String PATH = "/api/docs";
    /** Where each service serves its own document (the kit's {@code ApiDocumentController}). */
    static final String SERVICE_DOCUMENT = "/openapi/openapi.json";

    private static final Logger LOG = LoggerFactory.getLogger(ApiDocsController.class);
    private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";
    private static final Map<String, MediaType> UI_FILES = Map.of(
            "swagger-ui.css", MediaType.of("text/css"),
            "swagger-ui-bundle.js", MediaType.of("text/javascript"),
            "favicon-32x32.png", MediaType.IMAGE_PNG_TYPE);
    private static final Argument<Map<String, Object>> DOCUMENT = Argument.mapOf(String.class, Object.class);

    private final HttpClient client;
    private final GatewayRoutes routes;
    private final JsonMapper json;
    private final String webjarVersion;

    public ApiDocsController(@Client(id = "upstream") HttpClient client, GatewayRoutes routes, JsonMapper json) {
        this.client = client;
        this.routes = routes;
        this.json = json;
        this.webjarVersion = webjarVersion();
    }

    @Get(produces = MediaType.TEXT_HTML)
    public HttpResponse<byte[]> page() {
        return HttpResponse.ok(resource("api-docs/index.html"));
    }

    @Get(uri = "/docs.js", produces = "text/javascript")
    public HttpResponse<byte[]> start() {
        return HttpResponse.ok(resource("api-docs/docs.js"));
    }

    @Get("/openapi.json")
    public Mono<MutableHttpResponse<?>> document() {
        Map<String, URI> services = new TreeMap<>(routes.getRoutes());
        services.remove(GatewayRoutes.PORTAL);
        return Flux.fromIterable(services.entrySet())
                .flatMap(service -> Mono.from(client.retrieve(HttpRequest.GET(service.getValue().resolve(SERVICE_DOCUMENT))
                                .accept(MediaType.APPLICATION_JSON_TYPE), byte[].class))
                        .map(body -> Map.entry(service.getKey(), read(body)))
                        .onErrorMap(failure -> new ServiceDocumentUnavailable(service.getKey(), failure)))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue)
                .<MutableHttpResponse<?>>map(documents -> HttpResponse.ok(write(ApiDocuments.merge(documents)))
                        .contentType(MediaType.APPLICATION_JSON_TYPE))
                .onErrorResume(ServiceDocumentUnavailable.class, failure -> {
                    LOG.warn("API document of {} unavailable: {}", failure.service, failure.getCause().toString());
                    return Mono.just(ProblemResponses.response(HttpStatus.SERVICE_UNAVAILABLE, "dependency-unavailable",
                                    "Temporarily unavailable", "The " + failure.service
                                            + " service's API document cannot be read; try again shortly.")
                            .header(HttpHeaders.RETRY_AFTER, "5"));
                });
    }

    @Get("/{file}")
    public MutableHttpResponse<?> uiFile(@PathVariable String file) {
        MediaType type = UI_FILES.get(file);
        if (type == null) {
            return ProblemResponses.response(HttpStatus.NOT_FOUND, "not-found", "Not found",
                    "There is no " + PATH + "/" + file + ".");
        }
        return HttpResponse.ok(resource(WEBJAR + webjarVersion + "/" + file)).contentType(type)
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=86400");
    }

    private Map<String, Object> read(byte[] body) {
        try {
            return json.readValue(body, DOCUMENT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] write(Map<String, Object> document) {
        try {
            return json.writeValueAsBytes(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = ApiDocsController.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The webjar's files sit under its version; its Maven properties say which. */
    private static String webjarVersion() {
        Properties properties = new Properties();
        try (InputStream in = ApiDocsController.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("the swagger-ui webjar is not on the class path");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version");
    }

    private static final class ServiceDocumentUnavailable extends RuntimeException {

        private final String service;

        ServiceDocumentUnavailable(String service, Throwable cause) {
            super(service, cause);
            this.service = service;
        }
    }
}
