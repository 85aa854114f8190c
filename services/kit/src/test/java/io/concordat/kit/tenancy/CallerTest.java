package io.concordat.kit.tenancy;

import io.micronaut.security.authentication.Authentication;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CallerTest {

    private static final UUID RUSHCLIFFE = UUID.fromString("7b3c1f0e-2a4d-4c5e-9f60-1a2b3c4d5e06");
    private static final UUID GEDLING = UUID.fromString("0f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a07");

    @Test
    void theAuthorityIsTheOrganizationTheTokenWasIssuedForInEachShapeKeycloakWritesIt() {
        assertEquals(Optional.of(RUSHCLIFFE), authority(Map.of("organization", List.of(RUSHCLIFFE.toString()))));
        assertEquals(Optional.of(RUSHCLIFFE), authority(Map.of("organization", RUSHCLIFFE.toString())));
        assertEquals(Optional.of(RUSHCLIFFE), authority(Map.of("organization",
                Map.of(RUSHCLIFFE.toString(), Map.of("id", "kc-org-id")))));
    }

    @Test
    void theOrganizationDecidesOverTheOlderAttributeClaim() {
        assertEquals(Optional.of(GEDLING), authority(Map.of("organization", List.of(GEDLING.toString()),
                "authority_id", RUSHCLIFFE.toString())));
    }

    @Test
    void aPersonInTwoCouncilsWhoChoseNoneActsForNoAuthority() {
        Caller caller = Caller.of(Authentication.build("shared", List.of(Roles.AUTHORITY_OFFICER), Map.of("organization",
                List.of(RUSHCLIFFE.toString(), GEDLING.toString()), "authority_id", RUSHCLIFFE.toString())));
        assertEquals(Optional.empty(), caller.authorityId());
        assertThrows(TenancyException.class, caller::requireAuthority);
    }

    @Test
    void aPartnerSystemsTokenWithoutAnOrganizationActsForItsAuthorityAttribute() {
        assertEquals(Optional.of(RUSHCLIFFE), authority(Map.of("authority_id", RUSHCLIFFE.toString(),
                "azp", "partner-rushcliffe-finance", "roles", List.of("partner-system"))));
        assertEquals(Optional.empty(), authority(Map.of()));
    }

    @Test
    void aPersonsTokenWithoutAnOrganizationActsForNoAuthorityWhateverAttributeTheirAccountCarries() {
        assertEquals(Optional.empty(), authority(Map.of("authority_id", RUSHCLIFFE.toString(),
                "azp", "concordat-cli", "preferred_username", "admin@rushcliffe.gov.uk",
                "roles", List.of("authority-admin", "authority-officer"))));
        assertEquals(Optional.empty(), authority(Map.of("authority_id", RUSHCLIFFE.toString())));
    }

    @Test
    void anOrganizationThatIsNotAnAuthorityIdIsRefused() {
        assertThrows(TenancyException.class, () -> authority(Map.of("organization", List.of("acme"))));
    }

    private static Optional<UUID> authority(Map<String, Object> claims) {
        return Caller.of(Authentication.build("someone", List.of(), claims)).authorityId();
    }
}
