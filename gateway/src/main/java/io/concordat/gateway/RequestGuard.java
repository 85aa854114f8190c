package io.concordat.gateway;

import io.concordat.kit.problem.ProblemResponses;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.server.HttpServerConfiguration;
import org.reactivestreams.Publisher;

import java.util.Optional;

/**
 * The first thing every request meets, before the token check and before any byte of its body is
 * read: a request the gateway would have to guess about is answered here, as problem+json, and
 * never reaches a service. The rules themselves are in {@link RequestRules}.
 */
@Filter("/**")
public class RequestGuard implements HttpServerFilter {

    private final RequestRules rules;

    public RequestGuard(HttpServerConfiguration server, GatewayRoutes routes) {
        this.rules = new RequestRules(server.getMaxRequestSize(), routes.getAllowedOrigins());
    }

    @Override
    public int getOrder() {
        // just inside SecurityHeaders, which only decorates the answer
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        Optional<RequestRules.Refusal> refusal = rules.check(
                request.getHeaders().findFirst(HttpHeaders.CONTENT_LENGTH),
                request.getHeaders().findFirst(HttpHeaders.CONTENT_ENCODING),
                request.getHeaders().findFirst(HttpHeaders.ORIGIN),
                request.getHeaders().findFirst(HttpHeaders.HOST));
        if (refusal.isEmpty()) {
            return chain.proceed(request);
        }
        RequestRules.Refusal r = refusal.get();
        MutableHttpResponse<?> response = ProblemResponses.response(HttpStatus.valueOf(r.status()), r.slug(), r.title(),
                r.detail());
        if (r.status() == HttpStatus.UNSUPPORTED_MEDIA_TYPE.getCode()) {
            response.header(HttpHeaders.ACCEPT_ENCODING, "identity");
        }
        // the body, if any, was never read: the connection cannot carry another request after this one
        response.header(HttpHeaders.CONNECTION, "close");
        return Publishers.just(response);
    }
}
