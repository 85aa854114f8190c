package io.concordat.gateway;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpHeaders;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import org.reactivestreams.Publisher;

/**
 * The browser-facing security headers, on every answer the gateway gives, whether a service's,
 * the portal's or the gateway's own refusal: a service cannot forget them and cannot loosen them
 * (the gateway's values replace any it sent). The values are in {@link SecurityHeadersConfiguration}.
 */
@Filter("/**")
public class SecurityHeaders implements HttpServerFilter {

    private final SecurityHeadersConfiguration configuration;

    public SecurityHeaders(SecurityHeadersConfiguration configuration) {
        this.configuration = configuration;
    }

    /** Outside every other filter, so that their answers get the headers too; it reads nothing from the request. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        return Publishers.map(chain.proceed(request), response -> {
            MutableHttpHeaders headers = response.getHeaders();
            headers.set("Content-Security-Policy", configuration.contentSecurityPolicyFor(request.getPath()));
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("Referrer-Policy", configuration.getReferrerPolicy());
            // for browsers that predate frame-ancestors
            headers.set("X-Frame-Options", "DENY");
            configuration.strictTransportSecurity().ifPresent(hsts -> headers.set("Strict-Transport-Security", hsts));
            return response;
        });
    }
}
