package io.concordat.gateway;

import io.concordat.kit.problem.ProblemResponses;
import io.concordat.kit.tenancy.Caller;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Named;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

/**
 * Applies {@link RateLimits} to every API request whose token the security filter has accepted,
 * before it is sent on. A refused request is 429 problem+json with {@code Retry-After}; every
 * answer carries the IETF RateLimit header fields, in the draft's separate-field form
 * ({@code RateLimit-Limit}, {@code RateLimit-Remaining}, {@code RateLimit-Reset}, and
 * {@code RateLimit-Policy}), for the tightest of the caller's buckets. When the buckets' database
 * cannot be asked, the request is 503 with {@code Retry-After}: the limits protect the services
 * from a flood, and letting every request through unlimited whenever the database struggles would
 * drop that protection exactly when it matters.
 */
@Filter("/api/**")
@Requires(bean = RateLimits.class)
public class RateLimitFilter implements HttpServerFilter {

    private static final Logger LOG = LoggerFactory.getLogger(RateLimitFilter.class);
    private static final String RETRY_AFTER_UNAVAILABLE = "5";

    private final RateLimits limits;
    private final RateLimitConfiguration configuration;
    private final Scheduler blocking;

    public RateLimitFilter(RateLimits limits, RateLimitConfiguration configuration,
                           @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.limits = limits;
        this.configuration = configuration;
        this.blocking = Schedulers.fromExecutorService(blocking);
    }

    /** After the token is checked (it names the caller), before the request is sent on. */
    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.order() + 100;
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        Optional<Authentication> authentication = request.getUserPrincipal(Authentication.class);
        if (authentication.isEmpty()) {
            // the security filter has already refused an API request without a valid token
            return chain.proceed(request);
        }
        List<RateLimits.Allowance> allowances = RateLimits.allowancesOf(Caller.of(authentication.get()), configuration);
        // a flood's refusals are answered here, on the event loop, without queueing for a blocking thread
        Optional<RateLimits.Decision> refused = limits.refusedLocally(allowances);
        if (refused.isPresent()) {
            return Mono.just(withHeaders(tooMany(refused.get()), refused.get()));
        }
        return Mono.fromCallable(() -> limits.take(allowances))
                .subscribeOn(blocking)
                .<MutableHttpResponse<?>>flatMap(decision -> decision.allowed()
                        ? Mono.<MutableHttpResponse<?>>from(chain.proceed(request)).map(response -> withHeaders(response, decision))
                        : Mono.just(withHeaders(tooMany(decision), decision)))
                .onErrorResume(RateLimits.StoreUnavailable.class, unavailable -> {
                    LOG.warn("{} {}: {}", request.getMethod(), request.getPath(), unavailable.getMessage());
                    return Mono.just(ProblemResponses.response(HttpStatus.SERVICE_UNAVAILABLE, "dependency-unavailable",
                                    "Temporarily unavailable", "The rate limits cannot be checked just now; try again shortly.")
                            .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_UNAVAILABLE));
                });
    }

    private static MutableHttpResponse<?> tooMany(RateLimits.Decision decision) {
        return ProblemResponses.response(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests",
                        "The " + decision.who() + "'s allowance of " + decision.limit() + " requests every "
                                + decision.periodSeconds() + " s is used up; try again in " + decision.retryAfterSeconds() + " s.")
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(decision.retryAfterSeconds()));
    }

    private static MutableHttpResponse<?> withHeaders(MutableHttpResponse<?> response, RateLimits.Decision decision) {
        response.getHeaders().set("RateLimit-Limit", String.valueOf(decision.limit()));
        response.getHeaders().set("RateLimit-Remaining", String.valueOf(decision.remaining()));
        response.getHeaders().set("RateLimit-Reset", String.valueOf(decision.resetSeconds()));
        response.getHeaders().set("RateLimit-Policy", decision.limit() + ";w=" + decision.periodSeconds());
        return response;
    }
}
