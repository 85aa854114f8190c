package io.concordat.kit.tenancy;

import io.concordat.kit.problem.ProblemResponses;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;

import java.sql.Connection;
import java.util.Optional;
import java.util.UUID;

/**
 * Refuses every request by the staff of a suspended authority with 403 {@code authority-suspended},
 * whatever the age of their token: a token issued before the suspension still names the
 * authority, and this service's own directory copy says it is suspended. Runs after the security
 * filter has verified the token, before any controller.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Requires(bean = AuthorityStanding.class)
public class SuspendedAuthorityFilter implements Ordered {

    private final AuthorityStanding standing;
    private final TransactionOperations<Connection> transactions;

    public SuspendedAuthorityFilter(AuthorityStanding standing, TransactionOperations<Connection> transactions) {
        this.standing = standing;
        this.transactions = transactions;
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    public HttpResponse<?> refuseSuspendedAuthorities(HttpRequest<?> request) {
        Optional<UUID> authority = request.getUserPrincipal(Authentication.class)
                .flatMap(authentication -> authorityOf(authentication.getAttributes()));
        if (authority.isEmpty()) {
            return null;
        }
        boolean suspended = transactions.execute(TransactionDefinition.READ_ONLY,
                status -> standing.isSuspended(authority.get()));
        if (!suspended) {
            return null;
        }
        return ProblemResponses.response(HttpStatus.FORBIDDEN, "authority-suspended", "Authority suspended",
                "Your authority is suspended on the platform: its staff cannot use Concordat until it is approved again.");
    }

    /** A malformed claim is left to the request's own handling, which answers it. */
    private static Optional<UUID> authorityOf(java.util.Map<String, Object> claims) {
        try {
            return Caller.authorityOf(claims);
        } catch (TenancyException malformed) {
            return Optional.empty();
        }
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }
}
