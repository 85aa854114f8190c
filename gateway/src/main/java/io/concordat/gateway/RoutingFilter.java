package io.concordat.gateway;

import io.concordat.kit.observability.LogContext;
import io.concordat.kit.observability.RequestLogContext;
import io.concordat.kit.problem.ProblemResponses;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.ServerHttpRequest;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.client.ProxyHttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.server.HttpServerConfiguration;
import io.netty.handler.codec.compression.DecompressionException;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Sends each request on to the service that owns it, after the security filter has checked its
 * token: {@code /api/v1/<service>/...} to that service, other pages to the portal. The token goes
 * on unchanged and each service checks it again; the gateway adds nothing a service would trust.
 */
@Filter("/**")
public class RoutingFilter implements HttpServerFilter {

    private static final Logger LOG = LoggerFactory.getLogger(RoutingFilter.class);
    private static final String API_PREFIX = "/api/v1/";
    private static final Set<String> OWN_PATHS = Set.of("/health", "/prometheus", ApiDocsController.PATH);
    private static final String RETRY_AFTER_SECONDS = "5";
    /**
     * Headers not passed on: those that belong to one connection (RFC 9110, 7.6.1; an {@code Expect}
     * sent on to a pooled upstream connection leaves it waiting for a body that belongs to another
     * client), those that describe the body as the client sent it, since it goes on whole and plain,
     * and the forwarding headers, which the gateway alone sets: a client's own would pass for the gateway's.
     * A client's trace context is not sent on as it came: the gateway's own span, its child, is.
     */
    private static final Set<String> NOT_PASSED_ON = Set.of("connection", "keep-alive", "expect", "te", "trailer",
            "upgrade", "proxy-connection", "proxy-authorization", "host", "content-length", "transfer-encoding",
            "content-encoding", "forwarded", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-for",
            "x-forwarded-port", "x-real-ip", "traceparent", "tracestate");

    private final ProxyHttpClient upstream;
    private final GatewayRoutes routes;
    private final long maxBodyBytes;

    public RoutingFilter(@Client(id = "upstream") ProxyHttpClient upstream, GatewayRoutes routes,
                         HttpServerConfiguration server) {
        this.upstream = upstream;
        this.routes = routes;
        this.maxBodyBytes = server.getMaxRequestSize();
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        String path = request.getPath();
        if (OWN_PATHS.stream().anyMatch(p -> path.equals(p) || path.startsWith(p + "/"))) {
            return chain.proceed(request);
        }
        String service = serviceOf(path);
        Optional<URI> target = routes.service(service);
        if (target.isEmpty()) {
            return Publishers.just(ProblemResponses.response(HttpStatus.NOT_FOUND, "no-such-service", "Not found",
                    "There is no service '" + service + "' behind " + API_PREFIX + "."));
        }
        URI to = target.get();
        return wholeBody(request)
                .flatMap(body -> forward(request, to, body, path, service))
                .onErrorResume(ContentLengthExceededException.class, tooLarge -> Mono.<MutableHttpResponse<?>>just(ProblemResponses.response(
                                HttpStatus.REQUEST_ENTITY_TOO_LARGE, "request-too-large", "Request too large",
                                "A request body is at most " + maxBodyBytes + " bytes.")
                        .header(HttpHeaders.CONNECTION, "close")))
                .onErrorResume(RoutingFilter::undecodableBody, undecodable -> Mono.<MutableHttpResponse<?>>just(ProblemResponses.response(
                                HttpStatus.BAD_REQUEST, "malformed-body-encoding", "Body cannot be decoded",
                                "The body does not match its Content-Encoding; send it unencoded or correctly encoded.")
                        .header(HttpHeaders.CONNECTION, "close")))
                .onErrorResume(unreadable -> {
                    LOG.info("{} {}: body not received whole: {}", request.getMethod(), path, unreadable.toString());
                    return Mono.<MutableHttpResponse<?>>just(ProblemResponses.response(HttpStatus.BAD_REQUEST, "incomplete-body", "Body incomplete",
                            "The request body did not arrive whole.").header(HttpHeaders.CONNECTION, "close"));
                });
    }

    /**
     * The request body, read whole (and inflated, within the size limit) before anything is sent on:
     * a service never sees a body that is cut short, too large or undecodable, and a client that
     * stops sending holds only its own connection.
     */
    private static Mono<byte[]> wholeBody(HttpRequest<?> request) {
        if (!(request instanceof ServerHttpRequest<?> server)) {
            return Mono.just(new byte[0]);
        }
        return Mono.fromFuture(() -> server.byteBody().buffer()).map(body -> {
            try (body) {
                return body.toByteArray();
            }
        });
    }

    private Mono<MutableHttpResponse<?>> forward(HttpRequest<?> request, URI to, byte[] body, String path, String service) {
        String query = request.getUri().getRawQuery();
        URI uri = URI.create(to.getScheme() + "://" + to.getRawAuthority() + request.getUri().getRawPath()
                + (query == null ? "" : "?" + query));
        MutableHttpRequest<Object> forwarded = HttpRequest.create(request.getMethod(), uri.toString());
        request.getHeaders().forEach((name, values) -> {
            if (!NOT_PASSED_ON.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> forwarded.getHeaders().add(name, value));
            }
        });
        forwarded.header("X-Forwarded-Host", request.getHeaders().get(HttpHeaders.HOST, String.class).orElse(""))
                .header("X-Forwarded-Proto", request.isSecure() ? "https" : "http")
                .header("X-Forwarded-For", request.getRemoteAddress().getAddress().getHostAddress());
        RequestLogContext.requestIdOf(request).ifPresent(id -> forwarded.getHeaders().set(LogContext.REQUEST_ID_HEADER, id));
        if (body.length > 0) {
            // the client would re-encode a form's body from an object, and bytes are not one; sent as
            // the text it is (a browser's form body is percent-encoded ASCII), it goes on unchanged
            Optional<MediaType> type = request.getContentType();
            boolean form = type.map(t -> t.matches(MediaType.APPLICATION_FORM_URLENCODED_TYPE)).orElse(false);
            forwarded.body(form ? new String(body, type.flatMap(MediaType::getCharset).orElse(StandardCharsets.UTF_8)) : body);
        }
        return Mono.<MutableHttpResponse<?>>from(upstream.proxy(forwarded))
                .<MutableHttpResponse<?>>map(response -> withSecurityHeaders(response, path))
                .onErrorResume(failure -> {
                    LOG.warn("{} {}: {} unreachable: {}", request.getMethod(), path, service, failure.getMessage());
                    return Mono.<MutableHttpResponse<?>>just(ProblemResponses.response(HttpStatus.SERVICE_UNAVAILABLE,
                                    "dependency-unavailable", "Temporarily unavailable",
                                    "The " + service + " service is not answering; try again shortly.")
                            .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS));
                });
    }

    /** The server inflates an encoded body as it arrives (bounded by the size limit); a body that is not what it claims fails here. */
    private static boolean undecodableBody(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof DecompressionException) {
                return true;
            }
        }
        return false;
    }

    static String serviceOf(String path) {
        if (!path.startsWith(API_PREFIX)) {
            return GatewayRoutes.PORTAL;
        }
        String rest = path.substring(API_PREFIX.length());
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }

    private static MutableHttpResponse<?> withSecurityHeaders(MutableHttpResponse<?> response, String path) {
        // the browser-facing security headers are SecurityHeaders', on every answer
        if (path.startsWith(API_PREFIX)) {
            response.header(HttpHeaders.CACHE_CONTROL, "no-store");
        }
        return response;
    }
}
