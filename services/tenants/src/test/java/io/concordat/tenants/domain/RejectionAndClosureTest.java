package io.concordat.tenants.domain;

import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RejectionAndClosureTest {

    private final UUID first = UUID.randomUUID();
    private final UUID second = UUID.randomUUID();

    @Test
    void onlyAPendingRegistrationIsRejected() {
        assertEquals(AuthorityStatus.REJECTED, AuthorityStatus.PENDING.reject());
        assertEquals("not-pending", assertThrows(LifecycleException.class, AuthorityStatus.APPROVED::reject).rule());
        assertEquals("registration-rejected", assertThrows(LifecycleException.class, AuthorityStatus.REJECTED::reject).rule());
    }

    @Test
    void aRejectedRegistrationIsNeitherApprovedNorSuspended() {
        assertEquals("registration-rejected", assertThrows(LifecycleException.class, AuthorityStatus.REJECTED::approve).rule());
        assertThrows(LifecycleException.class, AuthorityStatus.REJECTED::suspend);
        assertFalse(AuthorityStatus.REJECTED.isLive());
    }

    @Test
    void aRegionClosesOnlyWhenEveryCurrentMemberHasAgreed() {
        RegionClosure closure = new RegionClosure(Set.of(first, second), Set.of()).agreedBy(first);
        assertFalse(closure.closes());
        assertEquals(Set.of(second), closure.awaiting());
        assertTrue(closure.agreedBy(second).closes());
        assertTrue(closure.agreedBy(first).agreedBy(second).closes(), "agreeing twice counts once");
    }

    @Test
    void anAuthorityOutsideTheRegionHasNoSayInClosingIt() {
        assertEquals("not-a-member", assertThrows(LifecycleException.class,
                () -> new RegionClosure(Set.of(first), Set.of()).agreedBy(second)).rule());
    }
}
