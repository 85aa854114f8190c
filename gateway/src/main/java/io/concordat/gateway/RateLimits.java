package io.concordat.gateway;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.concordat.kit.tenancy.Caller;
import io.concordat.kit.tenancy.Roles;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The API's rate limits: token buckets (Bucket4j) kept in the gateway's PostgreSQL database, so
 * that every gateway replica draws on the same allowance. A request takes one token from its
 * caller's bucket and one from its authority's ({@link #allowancesOf}); it is refused when either
 * is empty. A replica that has seen a bucket empty refuses that bucket's requests without asking
 * the database until its next token is due (no token can arrive sooner), so a flood costs the
 * database little and the other tenants' requests do not queue behind it.
 */
@Singleton
@Requires(property = "concordat.gateway.rate-limits.enabled", notEquals = "false")
public class RateLimits {

    /** One bucket a request draws on: its key in the table and its size per period. */
    record Allowance(String who, String key, long limit) {
    }

    /** The answer for one request; the figures are those of the tightest bucket. */
    record Decision(boolean allowed, long limit, long remaining, long resetSeconds, long retryAfterSeconds,
                    long periodSeconds, String who) {
    }

    /** The buckets' database could not be asked in time. */
    static final class StoreUnavailable extends RuntimeException {
        StoreUnavailable(Throwable cause) {
            super("the rate limits' database did not answer: " + cause.getMessage(), cause);
        }
    }

    private static final int EXPIRED_BATCH = 1000;

    private final RateLimitConfiguration configuration;
    private final HikariDataSource dataSource;
    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
    private final Map<String, Long> emptyUntil = new ConcurrentHashMap<>();

    public RateLimits(RateLimitConfiguration configuration,
                      @Value("${concordat.db.url}") String url,
                      @Value("${concordat.db.app-user}") String user,
                      @Value("${concordat.db.app-password}") String password,
                      @Value("${concordat.gateway.rate-limits.pool-size:10}") int poolSize,
                      @Value("${concordat.gateway.rate-limits.timeout:2s}") Duration timeout,
                      Optional<MeterRegistry> meters) {
        this.configuration = configuration;
        HikariConfig pool = new HikariConfig();
        pool.setPoolName("rate-limits");
        pool.setJdbcUrl(url);
        pool.setUsername(user);
        pool.setPassword(password);
        pool.setMaximumPoolSize(poolSize);
        pool.setConnectionTimeout(timeout.toMillis());
        // a database that is down at start-up gives 503s until it is back, not a gateway that will not start
        pool.setInitializationFailTimeout(-1);
        meters.ifPresent(pool::setMetricRegistry);
        this.dataSource = new HikariDataSource(pool);
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_bucket")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                .build();
    }

    /**
     * The buckets a caller's request draws on, its own first: a platform administrator's own
     * (larger) allowance; anyone else's own allowance and, when they act for an authority, the
     * authority's. The size is part of the key, so a changed limit starts a fresh bucket.
     */
    static List<Allowance> allowancesOf(Caller caller, RateLimitConfiguration limits) {
        String per = "/" + limits.getPeriod().toSeconds() + "s";
        if (caller.hasRole(Roles.PLATFORM_ADMIN)) {
            return List.of(new Allowance("platform administrator", "admin:" + caller.subject() + ":"
                    + limits.getPlatformAdmin() + per, limits.getPlatformAdmin()));
        }
        List<Allowance> allowances = new ArrayList<>();
        allowances.add(new Allowance("caller", "client:" + caller.subject() + ":" + limits.getClient() + per,
                limits.getClient()));
        caller.authorityId().ifPresent(authority -> allowances.add(new Allowance("authority",
                "authority:" + authority + ":" + limits.getAuthority() + per, limits.getAuthority())));
        return allowances;
    }

    /**
     * The refusal of a request that draws on a bucket this replica has seen empty, whose next token
     * is not yet due; asks no database, so it can answer on the request's own thread. Empty when
     * every bucket has to be asked.
     */
    Optional<Decision> refusedLocally(List<Allowance> allowances) {
        long now = System.nanoTime();
        for (Allowance allowance : allowances) {
            Long until = emptyUntil.get(allowance.key());
            if (until != null) {
                if (now - until < 0) {
                    return Optional.of(refused(allowance, until - now, configuration.getPeriod().toSeconds()));
                }
                emptyUntil.remove(allowance.key(), until);
            }
        }
        return Optional.empty();
    }

    /**
     * Takes one token from each bucket, in order, stopping at the first that is empty. Blocks on the
     * database, unless a bucket is known to be empty ({@link #refusedLocally}): then the request is
     * refused before any bucket is asked, so a refusal costs no round trip and takes nothing from the
     * caller's own bucket.
     */
    Decision take(List<Allowance> allowances) {
        Optional<Decision> refused = refusedLocally(allowances);
        if (refused.isPresent()) {
            return refused.get();
        }
        long periodSeconds = configuration.getPeriod().toSeconds();
        Decision tightest = null;
        for (Allowance allowance : allowances) {
            ConsumptionProbe probe = consume(allowance);
            if (!probe.isConsumed()) {
                // tokens come back only at the refill rate, whoever draws on the bucket: none before this
                emptyUntil.put(allowance.key(), System.nanoTime() + probe.getNanosToWaitForRefill());
                return refused(allowance, probe.getNanosToWaitForRefill(), periodSeconds);
            }
            Decision decision = new Decision(true, allowance.limit(), probe.getRemainingTokens(),
                    seconds(probe.getNanosToWaitForReset()), 0, periodSeconds, allowance.who());
            if (tightest == null || decision.remaining() < tightest.remaining()) {
                tightest = decision;
            }
        }
        return tightest;
    }

    private ConsumptionProbe consume(Allowance allowance) {
        BucketConfiguration size = BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(allowance.limit()).refillGreedy(allowance.limit(), configuration.getPeriod()))
                .build();
        try {
            return buckets.builder()
                    .build(allowance.key(), () -> size)
                    .tryConsumeAndReturnRemaining(1);
        } catch (RuntimeException storeFailure) {
            throw new StoreUnavailable(storeFailure);
        }
    }

    private static Decision refused(Allowance allowance, long nanosToWait, long periodSeconds) {
        long wait = seconds(nanosToWait);
        return new Decision(false, allowance.limit(), 0, wait, wait, periodSeconds, allowance.who());
    }

    /** Whole seconds, rounded up, at least one: a client told 0 would ask again at once. */
    private static long seconds(long nanos) {
        return Math.max(1, (nanos + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1));
    }

    /** Buckets that have been full for a while are the same as no row: they go. */
    @Scheduled(fixedDelay = "1m", initialDelay = "1m")
    void removeExpired() {
        while (buckets.removeExpired(EXPIRED_BATCH) == EXPIRED_BATCH) {
            // another batch is waiting
        }
    }

    @PreDestroy
    void close() {
        dataSource.close();
    }
}
