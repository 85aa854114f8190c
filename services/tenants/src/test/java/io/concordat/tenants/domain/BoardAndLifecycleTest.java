package io.concordat.tenants.domain;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BoardAndLifecycleTest {

    @Test
    void theSharedServicesBoardOfSeed002IsDescribedAsThreeEachWithTwoFromEachAsTheFallback() {
        Board board = Board.describe(3, BoardRule.CONSENSUS_ELSE_MINIMUM_FROM_EACH, 2);
        assertEquals(BoardRule.CONSENSUS_ELSE_MINIMUM_FROM_EACH, board.rule());
        assertEquals(2, board.minimumFromEach());
    }

    @Test
    void aMinimumFromEachMustFitTheBoardAndBelongOnlyToItsRule() {
        assertEquals("invalid-minimum-from-each", assertThrows(InvalidRegistrationException.class,
                () -> Board.describe(3, BoardRule.CONSENSUS_ELSE_MINIMUM_FROM_EACH, 4)).rule());
        assertEquals("invalid-minimum-from-each", assertThrows(InvalidRegistrationException.class,
                () -> Board.describe(3, BoardRule.CONSENSUS_ELSE_MINIMUM_FROM_EACH, null)).rule());
        assertEquals("invalid-minimum-from-each", assertThrows(InvalidRegistrationException.class,
                () -> Board.describe(3, BoardRule.SIMPLE_MAJORITY, 2)).rule());
        assertEquals("invalid-board-size", assertThrows(InvalidRegistrationException.class,
                () -> Board.describe(0, BoardRule.CONSENSUS, null)).rule());
    }

    @Test
    void anAuthorityIsApprovedOnceAndMaySwitchBetweenApprovedAndSuspended() {
        assertEquals(AuthorityStatus.APPROVED, AuthorityStatus.PENDING.approve());
        assertEquals(AuthorityStatus.SUSPENDED, AuthorityStatus.APPROVED.suspend());
        assertEquals(AuthorityStatus.APPROVED, AuthorityStatus.SUSPENDED.approve());
        LifecycleException twice = assertThrows(LifecycleException.class, AuthorityStatus.APPROVED::approve);
        assertEquals(List.of("SUSPENDED"), twice.allowed());
        assertThrows(LifecycleException.class, AuthorityStatus.SUSPENDED::suspend);
    }

    @Test
    void aMembershipRequestIsDecidedOnlyOnce() {
        assertEquals(MembershipRequestStatus.APPROVED, MembershipRequestStatus.PENDING.decide(true));
        assertEquals(MembershipRequestStatus.DECLINED, MembershipRequestStatus.PENDING.decide(false));
        assertThrows(LifecycleException.class, () -> MembershipRequestStatus.DECLINED.decide(true));
    }

    @Test
    void aFirstAdminNeedsAnEmailAndBothNames() {
        assertEquals("clerk@bromsgrove.gov.uk", FirstAdmin.of(" Clerk@Bromsgrove.gov.uk ", "Ann", "Clerk").email());
        assertThrows(InvalidRegistrationException.class, () -> FirstAdmin.of("clerk", "Ann", "Clerk"));
        assertThrows(InvalidRegistrationException.class, () -> FirstAdmin.of("clerk@bromsgrove.gov.uk", " ", "Clerk"));
    }
}
