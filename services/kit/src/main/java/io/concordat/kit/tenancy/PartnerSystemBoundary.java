package io.concordat.kit.tenancy;

import io.concordat.kit.problem.ProblemResponses;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.security.authentication.Authentication;

/**
 * Keeps partner systems to the partner API: a token carrying {@code partner-system} is refused
 * with 403 on every path except those under {@code concordat.partner-api.path} (set only by the
 * partner-events service). A partner's token names an authority, and without this boundary it
 * would pass every check that asks only for a signed-in caller with an authority.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class PartnerSystemBoundary implements Ordered {

    private final String partnerPath;

    public PartnerSystemBoundary(@Nullable @Value("${concordat.partner-api.path:}") String partnerPath) {
        this.partnerPath = partnerPath == null || partnerPath.isBlank() ? null : partnerPath;
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> keepPartnersToTheirApi(HttpRequest<?> request) {
        boolean partner = request.getUserPrincipal(Authentication.class)
                .map(a -> a.getRoles().contains(Roles.PARTNER_SYSTEM)).orElse(false);
        if (!partner) {
            return null;
        }
        String path = request.getPath();
        if (partnerPath != null && (path.equals(partnerPath) || path.startsWith(partnerPath + "/"))) {
            return null;
        }
        return ProblemResponses.response(HttpStatus.FORBIDDEN, "partner-system-not-allowed", "Not allowed",
                "A partner system may use only the partner API (subscriptions, deliveries, the stream and replay).");
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }
}
