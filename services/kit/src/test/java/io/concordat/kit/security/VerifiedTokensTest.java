package io.concordat.kit.security;

import com.nimbusds.jwt.JWT;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.jwt.validator.ReactiveJsonWebTokenValidator;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class VerifiedTokensTest {

    /** Accepts the tokens it is told about, with their expiry, and counts how often it is asked. */
    private static final class CountingValidator implements ReactiveJsonWebTokenValidator<JWT, Object> {
        final Map<String, Instant> valid = new HashMap<>();
        int asked;

        @Override
        public Publisher<Authentication> validateToken(String token, Object request) {
            asked++;
            Instant expiry = valid.get(token);
            return expiry == null ? Publishers.empty()
                    : Publishers.just(Authentication.build("officer", Map.of("exp", expiry.getEpochSecond())));
        }

        @Override
        public Publisher<JWT> validate(String token, Object request) {
            return Publishers.empty();
        }
    }

    private static Authentication validate(VerifiedTokens.Remembering tokens, String token) {
        return Mono.from(tokens.validateToken(token, null)).block();
    }

    @Test
    void anAcceptedTokenIsValidatedOnceUntilItExpires() {
        CountingValidator validator = new CountingValidator();
        validator.valid.put("good", Instant.now().plusSeconds(300));
        VerifiedTokens.Remembering tokens = new VerifiedTokens.Remembering(validator, 100);

        Authentication first = validate(tokens, "good");
        Authentication second = validate(tokens, "good");

        assertSame(first, second);
        assertEquals(1, validator.asked);
    }

    @Test
    void aRefusedTokenIsValidatedInFullEachTime() {
        CountingValidator validator = new CountingValidator();
        validator.valid.put("good", Instant.now().plusSeconds(300));
        VerifiedTokens.Remembering tokens = new VerifiedTokens.Remembering(validator, 100);
        validate(tokens, "good");

        // a token differing in any character (a tampered payload, a forged signature) is another key
        assertNull(validate(tokens, "good-but-tampered"));
        assertNull(validate(tokens, "good-but-tampered"));
        assertEquals(3, validator.asked);
    }

    @Test
    void anExpiredTokenIsNeverAnsweredFromMemory() {
        CountingValidator validator = new CountingValidator();
        validator.valid.put("lapsing", Instant.now().plusSeconds(1));
        VerifiedTokens.Remembering tokens = new VerifiedTokens.Remembering(validator, 100);
        validate(tokens, "lapsing");

        // past its expiry the platform's validator refuses it, and that answer stands
        validator.valid.remove("lapsing");
        Instant after = Instant.now().plusSeconds(2);
        while (Instant.now().isBefore(after)) {
            Thread.onSpinWait();
        }
        assertNull(validate(tokens, "lapsing"));
        assertEquals(2, validator.asked);
    }

    @Test
    void aTokenWithoutAnExpiryIsNotRemembered() {
        VerifiedTokens.Remembering tokens = new VerifiedTokens.Remembering(new ReactiveJsonWebTokenValidator<>() {
            int asked;

            @Override
            public Publisher<Authentication> validateToken(String token, Object request) {
                asked++;
                return Publishers.just(Authentication.build("officer", Map.of("asked", asked)));
            }

            @Override
            public Publisher<JWT> validate(String token, Object request) {
                return Publishers.empty();
            }
        }, 100);

        assertEquals(1, validate(tokens, "no-exp").getAttributes().get("asked"));
        assertEquals(2, validate(tokens, "no-exp").getAttributes().get("asked"));
    }
}
