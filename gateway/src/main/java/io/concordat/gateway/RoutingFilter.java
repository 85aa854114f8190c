package io.concordat.gateway;

import io.concordat.kit.problem.ProblemResponses;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.client.ProxyHttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import java.net.URI;
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
    private static final Set<String> OWN_PATHS = Set.of("/health", "/prometheus");
    private static final String RETRY_AFTER_SECONDS = "5";

    private final ProxyHttpClient upstream;
    private final GatewayRoutes routes;

    public RoutingFilter(@Client(id = "upstream") ProxyHttpClient upstream, GatewayRoutes routes) {
        this.upstream = upstream;
        this.routes = routes;
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
        MutableHttpRequest<?> forwarded = request.mutate()
                .uri(b -> b.scheme(to.getScheme()).host(to.getHost()).port(to.getPort()))
                .header("X-Forwarded-Host", request.getHeaders().get(HttpHeaders.HOST, String.class).orElse(""))
                .header("X-Forwarded-Proto", request.isSecure() ? "https" : "http")
                .header("X-Forwarded-For", request.getRemoteAddress().getAddress().getHostAddress());
        Mono<MutableHttpResponse<?>> proxied = Mono.from(upstream.proxy(forwarded))
                .map(response -> withSecurityHeaders(response, path));
        return proxied
                .onErrorResume(failure -> {
                    LOG.warn("{} {}: {} unreachable: {}", request.getMethod(), path, service, failure.getMessage());
                    return Mono.<MutableHttpResponse<?>>just(ProblemResponses.response(HttpStatus.SERVICE_UNAVAILABLE, "dependency-unavailable",
                                    "Temporarily unavailable", "The " + service + " service is not answering; try again shortly.")
                            .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS));
                });
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
        response.header("X-Content-Type-Options", "nosniff");
        response.header("Referrer-Policy", "no-referrer");
        response.header("X-Frame-Options", "DENY");
        if (path.startsWith(API_PREFIX)) {
            response.header(HttpHeaders.CACHE_CONTROL, "no-store");
        }
        return response;
    }
}
