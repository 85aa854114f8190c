package io.concordat.gateway;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where each service listens, by the name that follows {@code /api/v1/} in a path, and who may call it from a browser. */
@ConfigurationProperties("concordat.gateway")
public class GatewayRoutes {

    static final String PORTAL = "portal";

    private Map<String, URI> routes = Map.of();
    private List<String> allowedOrigins = List.of();

    public Map<String, URI> getRoutes() {
        return routes;
    }

    public void setRoutes(Map<String, URI> routes) {
        this.routes = Map.copyOf(routes);
    }

    /** Origins, besides the platform's own, whose pages may call the API from a browser (CORS). */
    public List<String> getAllowedOrigins() {
        return allowedOrigins;
    }

    public void setAllowedOrigins(List<String> allowedOrigins) {
        this.allowedOrigins = allowedOrigins.stream().map(String::strip).filter(o -> !o.isEmpty()).toList();
    }

    public Optional<URI> service(String name) {
        return Optional.ofNullable(routes.get(name));
    }
}
