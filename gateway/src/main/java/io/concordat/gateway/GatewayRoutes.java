package io.concordat.gateway;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/** Where each service listens, by the name that follows {@code /api/v1/} in a path. */
@ConfigurationProperties("concordat.gateway")
public class GatewayRoutes {

    static final String PORTAL = "portal";

    private Map<String, URI> routes = Map.of();

    public Map<String, URI> getRoutes() {
        return routes;
    }

    public void setRoutes(Map<String, URI> routes) {
        this.routes = Map.copyOf(routes);
    }

    public Optional<URI> service(String name) {
        return Optional.ofNullable(routes.get(name));
    }
}
