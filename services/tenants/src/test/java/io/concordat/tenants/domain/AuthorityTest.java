package io.concordat.tenants.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AuthorityTest {

    private static final Instant NOW = Instant.parse("2026-04-01T09:00:00Z");

    @ParameterizedTest
    @ValueSource(strings = {"E07000234", "S12000018", "W06000015", "N09000003", " e07000236 "})
    void acceptsGssCodesOfEachNationNormalisingCase(String code) {
        Authority authority = Authority.register("A council", AuthorityKind.DISTRICT, code, List.of(), "admin", NOW);
        assertEquals(code.strip().toUpperCase(), authority.gssCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"E0700023", "X07000234", "E07000234A", "07000234", "E07-00234"})
    void refusesMalformedGssCodes(String code) {
        InvalidRegistrationException e = assertThrows(InvalidRegistrationException.class,
                () -> Authority.register("A council", AuthorityKind.DISTRICT, code, List.of(), "admin", NOW));
        assertEquals("malformed-gss-code", e.rule());
    }

    @Test
    void anNhsTrustRegistersWithoutAGssCode() {
        Authority trust = Authority.register("Chesterfield Royal Hospital NHS Foundation Trust", AuthorityKind.OTHER_PUBLIC_BODY, null,
                List.of("nhs.net"), "admin", NOW);
        assertEquals(AuthorityKind.OTHER_PUBLIC_BODY, trust.kind());
        assertNull(trust.gssCode());
    }

    @Test
    void normalisesAndDeduplicatesEmailDomains() {
        Authority authority = Authority.register("Bromsgrove District Council", AuthorityKind.DISTRICT, null,
                List.of("Bromsgrove.gov.uk", "bromsgrove.gov.uk "), "admin", NOW);
        assertEquals(List.of("bromsgrove.gov.uk"), authority.emailDomains());
    }

    @Test
    void refusesAnEmptyOrOverlongName() {
        assertThrows(InvalidRegistrationException.class, () -> Authority.register("  ", AuthorityKind.DISTRICT, null, List.of(), "a", NOW));
        assertThrows(InvalidRegistrationException.class,
                () -> Authority.register("x".repeat(Authority.MAX_NAME + 1), AuthorityKind.DISTRICT, null, List.of(), "a", NOW));
    }
}
