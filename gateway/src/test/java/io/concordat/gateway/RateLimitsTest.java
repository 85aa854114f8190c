package io.concordat.gateway;

import io.concordat.kit.tenancy.Caller;
import io.concordat.kit.tenancy.Roles;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class RateLimitsTest {

    private static final UUID COUNCIL = UUID.fromString("7f1c2a4e-0000-4000-8000-000000000001");

    private static RateLimitConfiguration limits() {
        RateLimitConfiguration limits = new RateLimitConfiguration();
        limits.setClient(10);
        limits.setAuthority(20);
        limits.setPlatformAdmin(100);
        return limits;
    }

    @Test
    void aCouncilOfficerDrawsOnTheirOwnAllowanceFirstThenTheirCouncils() {
        Caller officer = new Caller("sub-1", "officer", Optional.of(COUNCIL), Set.of(Roles.AUTHORITY_OFFICER));
        List<RateLimits.Allowance> allowances = RateLimits.allowancesOf(officer, limits());
        assertEquals(List.of("caller", "authority"), allowances.stream().map(RateLimits.Allowance::who).toList());
        assertEquals(List.of(10L, 20L), allowances.stream().map(RateLimits.Allowance::limit).toList());
        assertEquals("authority:" + COUNCIL + ":20/60s", allowances.get(1).key());
    }

    @Test
    void aPlatformAdministratorHasOnlyTheirOwnLargerAllowance() {
        Caller admin = new Caller("sub-2", "platform.admin", Optional.empty(), Set.of(Roles.PLATFORM_ADMIN));
        assertEquals(List.of(new RateLimits.Allowance("platform administrator", "admin:sub-2:100/60s", 100)),
                RateLimits.allowancesOf(admin, limits()));
    }

    @Test
    void aCallerWhoActsForNoAuthorityHasOnlyTheirOwnAllowance() {
        Caller partner = new Caller("sub-3", "partner", Optional.empty(), Set.of(Roles.PARTNER_SYSTEM));
        assertEquals(List.of("caller"), RateLimits.allowancesOf(partner, limits()).stream().map(RateLimits.Allowance::who).toList());
    }

    @Test
    void aChangedLimitStartsAFreshBucket() {
        Caller officer = new Caller("sub-1", "officer", Optional.of(COUNCIL), Set.of(Roles.AUTHORITY_OFFICER));
        RateLimitConfiguration raised = limits();
        raised.setAuthority(40);
        assertNotEquals(RateLimits.allowancesOf(officer, limits()).get(1).key(), RateLimits.allowancesOf(officer, raised).get(1).key());
    }
}
