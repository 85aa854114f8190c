package io.concordat.gateway;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SecurityHeadersConfigurationTest {

    @Test
    void strictTransportSecurityIsAYearWithSubdomainsUnlessTurnedOff() {
        SecurityHeadersConfiguration configuration = new SecurityHeadersConfiguration();
        assertEquals(Optional.of("max-age=31536000; includeSubDomains"), configuration.strictTransportSecurity());

        configuration.setHstsMaxAge(Duration.ofDays(2));
        configuration.setHstsIncludeSubdomains(false);
        assertEquals(Optional.of("max-age=172800"), configuration.strictTransportSecurity());

        configuration.setHstsEnabled(false);
        assertEquals(Optional.empty(), configuration.strictTransportSecurity());
    }
}
