package io.concordat.gateway;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpHeaders;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import org.reactivestreams.Publisher;

import java.net.URI;

/**
 * The browser-facing security headers, on every answer the gateway gives, whether a service's,
 * the portal's or the gateway's own refusal: a service cannot forget them and cannot loosen them
 * (the gateway's values replace any it sent). The values are in {@link SecurityHeadersConfiguration}.
 */
@Filter("/**")
public class SecurityHeaders implements HttpServerFilter {

    private final SecurityHeadersConfiguration configuration;
    private final String contentSecurityPolicy;
    private final String apiDocsContentSecurityPolicy;

    /**
     * Signing out posts a form whose answer sends the browser on to Keycloak's end-session page, and
     * browsers hold a form's redirects to form-action too: the sign-in service's origin is added to
     * it, and nothing else.
     */
    public SecurityHeaders(SecurityHeadersConfiguration configuration,
                           @Value("${concordat.oidc.issuer:}") String issuer) {
        this.configuration = configuration;
        this.contentSecurityPolicy = withSignInService(configuration.getContentSecurityPolicy(), issuer);
        this.apiDocsContentSecurityPolicy = withSignInService(configuration.getApiDocsContentSecurityPolicy(), issuer);
    }

    static String withSignInService(String policy, String issuer) {
        if (issuer == null || issuer.isBlank() || !policy.contains("form-action 'self'")) {
            return policy;
        }
        URI uri = URI.create(issuer);
        String origin = uri.getScheme() + "://" + uri.getRawAuthority();
        return policy.replace("form-action 'self'", "form-action 'self' " + origin);
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
            // the API documents' page has its own policy, every other answer the portal's
            headers.set("Content-Security-Policy",
                    ApiDocsController.PATH.equals(request.getPath()) ? apiDocsContentSecurityPolicy : contentSecurityPolicy);
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("Referrer-Policy", configuration.getReferrerPolicy());
            // for browsers that predate frame-ancestors
            headers.set("X-Frame-Options", "DENY");
            configuration.strictTransportSecurity().ifPresent(hsts -> headers.set("Strict-Transport-Security", hsts));
            return response;
        });
    }
}
