package io.concordat.kit.observability;

import io.concordat.kit.tenancy.Caller;
import io.concordat.kit.tenancy.TenancyException;
import io.micronaut.context.propagation.slf4j.MdcPropagationContext;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.propagation.MutablePropagatedContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.security.authentication.Authentication;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Puts the request's trace id, span id and request id in the log context of every line the
 * request causes (on whichever thread it runs), answers them as {@code X-Trace-Id} and
 * {@code X-Request-Id}, and logs one line per request with its route, status, time and the
 * caller's authority. Runs just after the tracing filter has opened the request's span, so even
 * a request refused by the security filter is answered with its trace id.
 *
 * <p>A request id from the caller (the gateway passes its own on) is kept when it is a plain
 * token of at most 64 characters; anything else is replaced, so no caller writes into the log.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class RequestLogContext implements Ordered {

    private static final Logger LOG = LoggerFactory.getLogger("io.concordat.http");
    private static final Pattern PLAIN_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    /** Probes and scrapes, every few seconds from the platform itself: their metrics say enough. */
    private static final Pattern UNLOGGED = Pattern.compile("/(health|prometheus)(/.*)?");
    private static final String STARTED = RequestLogContext.class.getName() + ".started";
    private static final String IDS = RequestLogContext.class.getName() + ".ids";

    @RequestFilter
    public void enterRequest(HttpRequest<?> request, MutablePropagatedContext propagated) {
        String requestId = request.getHeaders().get(LogContext.REQUEST_ID_HEADER, String.class)
                .filter(id -> PLAIN_ID.matcher(id).matches())
                .orElseGet(() -> UUID.randomUUID().toString());
        SpanContext span = Span.current().getSpanContext();
        Map<String, String> ids = span.isValid()
                ? Map.of(LogContext.REQUEST_ID, requestId, LogContext.TRACE_ID, span.getTraceId(), LogContext.SPAN_ID, span.getSpanId())
                : Map.of(LogContext.REQUEST_ID, requestId);
        request.setAttribute(STARTED, System.nanoTime());
        request.setAttribute(IDS, ids);
        Map<String, String> before = MDC.getCopyOfContextMap();
        ids.forEach(MDC::put);
        propagated.add(new MdcPropagationContext());
        restore(before);
    }

    @ResponseFilter
    public void leaveRequest(HttpRequest<?> request, MutableHttpResponse<?> response) {
        Map<String, String> ids = idsOf(request);
        if (ids.containsKey(LogContext.TRACE_ID)) {
            response.getHeaders().set(LogContext.TRACE_ID_HEADER, ids.get(LogContext.TRACE_ID));
        }
        if (ids.containsKey(LogContext.REQUEST_ID)) {
            response.getHeaders().set(LogContext.REQUEST_ID_HEADER, ids.get(LogContext.REQUEST_ID));
        }
        if (!LOG.isInfoEnabled() || UNLOGGED.matcher(request.getPath()).matches()) {
            return;
        }
        Map<String, String> before = MDC.getCopyOfContextMap();
        ids.forEach(MDC::put);
        authorityOf(request).ifPresent(authority -> MDC.put(LogContext.AUTHORITY_ID, authority));
        long started = request.getAttribute(STARTED, Long.class).orElse(System.nanoTime());
        // the path only: a query may hold what a person typed, and the route names what was asked
        LOG.info("{} {} {} {} ms", request.getMethod(), request.getPath(), response.code(),
                (System.nanoTime() - started) / 1_000_000);
        restore(before);
    }

    /** The request's id, for passing on to the service that serves it. */
    public static java.util.Optional<String> requestIdOf(HttpRequest<?> request) {
        return java.util.Optional.ofNullable(idsOf(request).get(LogContext.REQUEST_ID));
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> idsOf(HttpRequest<?> request) {
        return request.getAttribute(IDS, Map.class).orElse(Map.of());
    }

    static Optional<String> authorityOf(HttpRequest<?> request) {
        return request.getUserPrincipal(Authentication.class).flatMap(authentication -> {
            try {
                return Caller.authorityOf(authentication.getAttributes()).map(Object::toString);
            } catch (TenancyException malformed) {
                // the request's own handling answers a malformed claim; the log line just names no authority
                return Optional.empty();
            }
        });
    }

    private static void restore(Map<String, String> before) {
        if (before == null) {
            MDC.clear();
        } else {
            MDC.setContextMap(before);
        }
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.TRACING.after();
    }
}
