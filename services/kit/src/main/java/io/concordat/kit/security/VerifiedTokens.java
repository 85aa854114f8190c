package io.concordat.kit.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.nimbusds.jwt.JWT;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.jwt.validator.ReactiveJsonWebTokenValidator;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;

/**
 * Remembers each token the platform's validator has accepted, until the token expires, so that a
 * client sending the same token with every request has it parsed, its signature checked and its
 * claims (issuer, audience, expiry) validated once, not on every request: that work was the
 * largest single part of a write's processor time. Only accepted tokens are kept, keyed by the
 * whole token, signature included, so a forged, tampered or other token is validated in full;
 * an entry goes at the token's own expiry, after which the token is validated again (and refused).
 * Wraps the JWT validator as it is created, and changes nothing else about it.
 */
@Singleton
public class VerifiedTokens implements BeanCreatedEventListener<ReactiveJsonWebTokenValidator<JWT, Object>> {

    private final long maximumSize;

    public VerifiedTokens(@Value("${concordat.security.verified-tokens.maximum-size:10000}") long maximumSize) {
        this.maximumSize = maximumSize;
    }

    @Override
    public ReactiveJsonWebTokenValidator<JWT, Object> onCreated(BeanCreatedEvent<ReactiveJsonWebTokenValidator<JWT, Object>> event) {
        return maximumSize <= 0 ? event.getBean() : new Remembering(event.getBean(), maximumSize);
    }

    /** Seconds since the epoch at which an accepted token expires, from its {@code exp} claim. */
    static Optional<Instant> expiryOf(Authentication authentication) {
        Object exp = authentication.getAttributes().get("exp");
        if (exp instanceof Date date) {
            return Optional.of(date.toInstant());
        }
        if (exp instanceof Instant instant) {
            return Optional.of(instant);
        }
        if (exp instanceof Number seconds) {
            return Optional.of(Instant.ofEpochSecond(seconds.longValue()));
        }
        return Optional.empty();
    }

    private record Accepted(Authentication authentication, Instant expiry) {
    }

    /** The platform's validator with its accepted tokens remembered. */
    public static final class Remembering implements ReactiveJsonWebTokenValidator<JWT, Object> {

        private final ReactiveJsonWebTokenValidator<JWT, Object> validator;
        private final Cache<String, Accepted> accepted;

        Remembering(ReactiveJsonWebTokenValidator<JWT, Object> validator, long maximumSize) {
            this.validator = validator;
            this.accepted = Caffeine.newBuilder().maximumSize(maximumSize).expireAfter(new Expiry<String, Accepted>() {
                @Override
                public long expireAfterCreate(String token, Accepted value, long currentTime) {
                    return Math.max(0, value.expiry().toEpochMilli() - System.currentTimeMillis()) * 1_000_000;
                }

                @Override
                public long expireAfterUpdate(String token, Accepted value, long currentTime, long currentDuration) {
                    return expireAfterCreate(token, value, currentTime);
                }

                @Override
                public long expireAfterRead(String token, Accepted value, long currentTime, long currentDuration) {
                    return currentDuration;
                }
            }).build();
        }

        @Override
        public Publisher<Authentication> validateToken(String token, Object request) {
            Accepted known = accepted.getIfPresent(token);
            // the cache's own expiry is approximate; a token past its expiry is never answered from it
            if (known != null && Instant.now().isBefore(known.expiry())) {
                return Publishers.just(known.authentication());
            }
            return Publishers.map(validator.validateToken(token, request), authentication -> {
                expiryOf(authentication).filter(expiry -> Instant.now().isBefore(expiry))
                        .ifPresent(expiry -> accepted.put(token, new Accepted(authentication, expiry)));
                return authentication;
            });
        }

        @Override
        public Publisher<JWT> validate(String token, Object request) {
            return validator.validate(token, request);
        }

        @Override
        public int getOrder() {
            return validator.getOrder();
        }
    }
}
