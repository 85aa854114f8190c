package io.concordat.opportunities.domain;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StageAndBoardTest {

    private static final UUID BROMSGROVE = UUID.randomUUID();
    private static final UUID REDDITCH = UUID.randomUUID();
    private static final Board JOINT_PROVISION_WITH_HOSTS_BOARD = new Board(3, BoardRule.CONSENSUS_ELSE_MINIMUM_FROM_EACH, 2);

    @Test
    void aLongTermOpportunityNeedsAFullBusinessCaseBeforeTheBoardButAQuickWinNeedsNone() {
        assertFalse(Stage.OUTLINE_BUSINESS_CASE.next(Horizon.LONG_TERM).contains(Stage.BOARD_RECOMMENDATION));
        assertTrue(Stage.OUTLINE_BUSINESS_CASE.next(Horizon.MEDIUM_TERM).contains(Stage.BOARD_RECOMMENDATION));
        assertTrue(Stage.IN_PRINCIPLE.next(Horizon.QUICK_WIN).contains(Stage.BOARD_RECOMMENDATION));
        assertFalse(Stage.IN_PRINCIPLE.next(Horizon.MEDIUM_TERM).contains(Stage.BOARD_RECOMMENDATION));
    }

    @Test
    void decidedIsReachedOnlyByDecisionsAndClosedStagesGoNowhere() {
        for (Stage stage : Stage.values()) {
            assertFalse(stage.next(Horizon.MEDIUM_TERM).contains(Stage.DECIDED), stage + " cannot be moved to DECIDED by hand");
        }
        assertEquals(Set.of(), Stage.LIVE.next(Horizon.MEDIUM_TERM));
        assertEquals(Set.of(), Stage.WITHDRAWN.next(Horizon.MEDIUM_TERM));
        IllegalTransitionException jump = assertThrows(IllegalTransitionException.class,
                () -> Stage.IDEA.moveTo(Stage.LIVE, Horizon.MEDIUM_TERM));
        assertTrue(jump.allowed().contains(Stage.IN_PRINCIPLE));
    }

    @Test
    void seed002sBoardRecommendsOnConsensus() {
        BoardRecommendation r = JOINT_PROVISION_WITH_HOSTS_BOARD.evaluate(votes(3, 0, 3, 0), Set.of(BROMSGROVE, REDDITCH));
        assertTrue(r.recommended());
        assertEquals("Consensus", r.reason());
    }

    @Test
    void withoutConsensusItRecommendsWhenTwoFromEachSupportAndNotWhenOneDoesNot() {
        assertTrue(JOINT_PROVISION_WITH_HOSTS_BOARD.evaluate(votes(3, 0, 2, 1), Set.of(BROMSGROVE, REDDITCH)).recommended());
        assertFalse(JOINT_PROVISION_WITH_HOSTS_BOARD.evaluate(votes(3, 0, 1, 2), Set.of(BROMSGROVE, REDDITCH)).recommended());
    }

    @Test
    void consensusNeedsEveryAuthorityToHaveVoted() {
        Board consensus = new Board(3, BoardRule.CONSENSUS, null);
        assertFalse(consensus.evaluate(votes(3, 0, 0, 0), Set.of(BROMSGROVE, REDDITCH)).recommended());
    }

    @Test
    void aSimpleMajorityCountsHeads() {
        Board majority = new Board(3, BoardRule.SIMPLE_MAJORITY, null);
        assertTrue(majority.evaluate(votes(2, 1, 2, 1), Set.of(BROMSGROVE, REDDITCH)).recommended());
        assertFalse(majority.evaluate(votes(1, 2, 2, 1), Set.of(BROMSGROVE, REDDITCH)).recommended());
    }

    @Test
    void anOpportunityGoesAheadWithAnApprovingHostAndAtLeastOneApprovingRecipient() {
        List<Participant> participants = List.of(
                new Participant(BROMSGROVE, ParticipantRole.PROSPECTIVE_RECIPIENT, ParticipantStatus.COMMITTED, true),
                new Participant(REDDITCH, ParticipantRole.PROSPECTIVE_HOST, ParticipantStatus.COMMITTED, true));
        assertTrue(CouncilDecisions.approval(participants, java.util.Map.of(BROMSGROVE, DecisionOutcome.APPROVE)).isEmpty());
        var approval = CouncilDecisions.approval(participants,
                java.util.Map.of(BROMSGROVE, DecisionOutcome.APPROVE, REDDITCH, DecisionOutcome.APPROVE)).orElseThrow();
        assertEquals(REDDITCH, approval.host());
        assertEquals(List.of(BROMSGROVE), approval.recipients());
        assertFalse(CouncilDecisions.allDecided(participants,
                java.util.Map.of(BROMSGROVE, DecisionOutcome.APPROVE, REDDITCH, DecisionOutcome.DEFER)));
    }

    private static List<BoardVote> votes(int bromsgroveFor, int bromsgroveAgainst, int redditchFor, int redditchAgainst) {
        List<BoardVote> votes = new java.util.ArrayList<>();
        for (int i = 0; i < bromsgroveFor; i++) {
            votes.add(new BoardVote(BROMSGROVE, "B" + i, true));
        }
        for (int i = 0; i < bromsgroveAgainst; i++) {
            votes.add(new BoardVote(BROMSGROVE, "b" + i, false));
        }
        for (int i = 0; i < redditchFor; i++) {
            votes.add(new BoardVote(REDDITCH, "R" + i, true));
        }
        for (int i = 0; i < redditchAgainst; i++) {
            votes.add(new BoardVote(REDDITCH, "r" + i, false));
        }
        return votes;
    }
}
