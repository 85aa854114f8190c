package io.concordat.gateway;

import io.concordat.kit.problem.ProblemResponses;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.management.endpoint.EndpointDefaultConfiguration;
import org.reactivestreams.Publisher;

import java.util.Set;

/**
 * Keeps the gateway's own health (with its details) and metrics off the public front door: they
 * answer only on the management port ({@code concordat.management.port}), which only the cluster
 * reaches, and that port serves nothing else. On the public port their paths are not found, and
 * are never passed on to the portal either.
 */
@Filter("/**")
public class ManagementPort implements HttpServerFilter {

    static final Set<String> PATHS = Set.of("/health", "/prometheus");

    private final int port;

    public ManagementPort(EndpointDefaultConfiguration endpoints) {
        this.port = endpoints.getPort().orElseThrow(() -> new IllegalStateException(
                "endpoints.all.port (concordat.management.port) must be set: the gateway's health and metrics never "
                        + "share the public port"));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 2;
    }

    static boolean isManagementPath(String path) {
        return PATHS.stream().anyMatch(p -> path.equals(p) || path.startsWith(p + "/"));
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        boolean onManagementPort = request.getServerAddress().getPort() == port;
        if (onManagementPort == isManagementPath(request.getPath())) {
            return chain.proceed(request);
        }
        return Publishers.just(ProblemResponses.response(HttpStatus.NOT_FOUND, "not-found", "Not found",
                onManagementPort ? "The management port serves only health and metrics."
                        : "There is nothing at this address."));
    }
}
