package io.concordat.kit.observability;

import io.micronaut.context.propagation.slf4j.MdcPropagationContext;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.propagation.MutablePropagatedContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import org.slf4j.MDC;

import java.util.Map;

/**
 * Adds the caller's authority (from the verified token) to the log context of the rest of the
 * request, once the security filter has checked the token; never the token itself nor the
 * person's name or email.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class CallerLogContext implements Ordered {

    @RequestFilter
    public void addCaller(HttpRequest<?> request, MutablePropagatedContext propagated) {
        RequestLogContext.authorityOf(request).ifPresent(authority -> {
            Map<String, String> before = MDC.getCopyOfContextMap();
            RequestLogContext.idsOf(request).forEach(MDC::put);
            MDC.put(LogContext.AUTHORITY_ID, authority);
            propagated.add(new MdcPropagationContext());
            if (before == null) {
                MDC.clear();
            } else {
                MDC.setContextMap(before);
            }
        });
    }

    @Override
    public int getOrder() {
        // after the security filter, before the routing filter and the controllers
        return ServerFilterPhase.SECURITY.after() - 1;
    }
}
