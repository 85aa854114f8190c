package io.concordat.tenants.domain;

import io.concordat.tenants.domain.StaffRole.Granter;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StaffRoleTest {

    @Test
    void aCouncilAdminGivesOnlyTheCouncilsRoles() {
        assertEquals(List.of("authority-officer", "authority-admin", "board-member", "regional-viewer"), StaffRole.councilRoles());
        StaffRole.councilRoles().forEach(name -> StaffRole.named(name).requireGrantableBy(Set.of(Granter.COUNCIL_ADMIN)));
        assertEquals("role-above-your-own", assertThrows(TenantRuleException.class,
                () -> StaffRole.REGION_ADMIN.requireGrantableBy(Set.of(Granter.COUNCIL_ADMIN))).rule());
    }

    @Test
    void aRegionAdminGivesOnlyTheRegionalRoles() {
        StaffRole.REGION_ADMIN.requireGrantableBy(Set.of(Granter.REGION_ADMIN));
        StaffRole.REGIONAL_VIEWER.requireGrantableBy(Set.of(Granter.REGION_ADMIN));
        for (StaffRole council : List.of(StaffRole.AUTHORITY_OFFICER, StaffRole.AUTHORITY_ADMIN, StaffRole.BOARD_MEMBER)) {
            assertThrows(TenantRuleException.class, () -> council.requireGrantableBy(Set.of(Granter.REGION_ADMIN)));
        }
    }

    @Test
    void platformAdminAndPartnerSystemAreNeverGivenHereAndAnUnknownRoleIsInvalid() {
        for (String never : List.of("platform-admin", "partner-system")) {
            TenantRuleException refused = assertThrows(TenantRuleException.class, () -> StaffRole.named(never));
            assertEquals(TenantRuleException.Refusal.NOT_ALLOWED, refused.refusal());
        }
        TenantRuleException unknown = assertThrows(TenantRuleException.class, () -> StaffRole.named("chief-executive"));
        assertEquals(TenantRuleException.Refusal.INVALID, unknown.refusal());
        assertEquals("unknown-role", unknown.rule());
    }

    @Test
    void anInvitationWithoutRolesStartsAsAnOfficerAndRefusesAMalformedEmail() {
        assertEquals(List.of("authority-officer"), Invitation.of("A.Person@Rushcliffe.gov.uk", "A", "Person", null).roleNames());
        assertEquals("a.person@rushcliffe.gov.uk", Invitation.of("A.Person@Rushcliffe.gov.uk", "A", "Person", List.of()).email());
        assertEquals("malformed-email", assertThrows(TenantRuleException.class,
                () -> Invitation.of("not an email", "A", "Person", null)).rule());
    }
}
