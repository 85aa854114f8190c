package io.concordat.opportunities.domain;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.concordat.opportunities.domain.OpportunityFixtures.ALLIANCE;
import static io.concordat.opportunities.domain.OpportunityFixtures.ALLIANCE_BOARD;
import static io.concordat.opportunities.domain.OpportunityFixtures.BROMSGROVE;
import static io.concordat.opportunities.domain.OpportunityFixtures.REDDITCH;
import static io.concordat.opportunities.domain.OpportunityFixtures.WYCHAVON;
import static io.concordat.opportunities.domain.OpportunityFixtures.at;
import static io.concordat.opportunities.domain.OpportunityFixtures.proposed;
import static io.concordat.opportunities.domain.OpportunityFixtures.recommended;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rules of the {@link Opportunity} aggregate, without a server. */
class OpportunityRulesTest {

    private static String refusal(Runnable action) {
        return assertThrows(OpportunityRuleException.class, action::run).rule();
    }

    @Test
    void theProposerTakesPartFromTheStartInTheRoleItChose() {
        Opportunity o = proposed(Horizon.QUICK_WIN);

        assertEquals(List.of(new Participant(BROMSGROVE, ParticipantRole.PROSPECTIVE_HOST, ParticipantStatus.COMMITTED, true)),
                o.participants());
        assertEquals(Stage.IDEA, o.stage());
        assertEquals("invalid-proposer-role", refusal(() -> o.putForward(List.of(), null, null, ParticipantRole.INTERESTED)));
    }

    @Test
    void onlyTheProposerMovesAnOpportunityOn() {
        assertEquals("not-the-proposer", refusal(() -> proposed(Horizon.QUICK_WIN).moveTo(REDDITCH, Stage.IN_PRINCIPLE, null,
                Optional.empty())));
        assertEquals(new Opportunity.StageMove(Stage.IDEA, Stage.IN_PRINCIPLE, null),
                proposed(Horizon.QUICK_WIN).moveTo(BROMSGROVE, Stage.IN_PRINCIPLE, null, Optional.empty()));
    }

    @Test
    void anIllegalMoveNamesTheStagesAllowed() {
        IllegalTransitionException e = assertThrows(IllegalTransitionException.class,
                () -> proposed(Horizon.LONG_TERM).moveTo(BROMSGROVE, Stage.LIVE, null, Optional.empty()));

        assertEquals(Set.of(Stage.IN_PRINCIPLE, Stage.ON_HOLD, Stage.REJECTED, Stage.WITHDRAWN), e.allowed());
    }

    @Test
    void anOpportunityGoesToTheBoardOfARegionItIsSharedWithThatHasABoard() {
        Opportunity inPrinciple = at(Stage.IN_PRINCIPLE);

        assertEquals("board-region-required", refusal(() -> inPrinciple.moveTo(BROMSGROVE, Stage.BOARD_RECOMMENDATION,
                null, Optional.of(ALLIANCE_BOARD))));
        assertEquals("board-region-required", refusal(() -> inPrinciple.moveTo(BROMSGROVE, Stage.BOARD_RECOMMENDATION,
                WYCHAVON, Optional.of(ALLIANCE_BOARD))));
        assertEquals("region-has-no-board", refusal(() -> inPrinciple.moveTo(BROMSGROVE, Stage.BOARD_RECOMMENDATION,
                ALLIANCE, Optional.empty())));
        assertEquals(new Opportunity.StageMove(Stage.IN_PRINCIPLE, Stage.BOARD_RECOMMENDATION, ALLIANCE),
                inPrinciple.moveTo(BROMSGROVE, Stage.BOARD_RECOMMENDATION, ALLIANCE, Optional.of(ALLIANCE_BOARD)));
    }

    @Test
    void aClosedOpportunityTakesNoNewParticipantAndNoBusinessCase() {
        for (Stage closed : List.of(Stage.LIVE, Stage.REJECTED, Stage.WITHDRAWN)) {
            Opportunity o = at(closed, REDDITCH);
            assertEquals("opportunity-closed",
                    refusal(() -> o.join(WYCHAVON, ParticipantRole.INTERESTED, ParticipantStatus.INTERESTED)));
            assertEquals("opportunity-closed", refusal(() -> o.submit(REDDITCH, null)));
        }
        assertEquals(new Participant(WYCHAVON, ParticipantRole.INTERESTED, ParticipantStatus.INTERESTED, false),
                at(Stage.IN_PRINCIPLE).join(WYCHAVON, ParticipantRole.INTERESTED, ParticipantStatus.INTERESTED));
    }

    @Test
    void onlyACouncilTakingPartSubmitsABusinessCase() {
        Opportunity o = at(Stage.OUTLINE_BUSINESS_CASE, REDDITCH);

        assertEquals("not-a-participant", refusal(() -> o.submit(WYCHAVON, null)));
    }

    @Test
    void onlyTheProposerAcceptsACouncilThatAskedToTakePart() {
        Opportunity o = at(Stage.IN_PRINCIPLE, REDDITCH);

        assertEquals("not-the-proposer", refusal(() -> o.accept(REDDITCH, REDDITCH)));
        assertTrue(o.accept(BROMSGROVE, WYCHAVON).isEmpty(), "a council that has not asked is not accepted");
        assertEquals(REDDITCH, o.accept(BROMSGROVE, REDDITCH).orElseThrow().authorityId());
    }

    @Test
    void aCouncillorVotesOnlyOnAnOpportunityBeforeTheBoardOfTheirRegion() {
        assertEquals("not-before-the-board", refusal(() -> at(Stage.FULL_BUSINESS_CASE).vote(Optional.of(ALLIANCE_BOARD),
                true, List.of(), REDDITCH, "Cllr A", true)));
        Opportunity before = at(Stage.BOARD_RECOMMENDATION, REDDITCH);
        assertEquals("not-on-this-board", refusal(() -> before.vote(Optional.of(ALLIANCE_BOARD), false, List.of(), WYCHAVON,
                "Cllr W", true)));
        assertEquals(new BoardVote(REDDITCH, "Cllr A", true),
                before.vote(Optional.of(ALLIANCE_BOARD), true, List.of(), REDDITCH, "Cllr A", true));
    }

    @Test
    void aCouncillorNoLongerVotesOnceTheBoardHasRecommendedOrTheirCouncilsSeatsAreFilled() {
        assertEquals("board-has-recommended", refusal(() -> recommended(Map.of(), false, REDDITCH)
                .vote(Optional.of(ALLIANCE_BOARD), true, List.of(), REDDITCH, "Cllr A", true)));
        List<BoardVote> three = List.of(new BoardVote(REDDITCH, "a", true), new BoardVote(REDDITCH, "b", true),
                new BoardVote(REDDITCH, "c", true));
        assertEquals("board-seats-filled", refusal(() -> at(Stage.BOARD_RECOMMENDATION, REDDITCH)
                .vote(Optional.of(ALLIANCE_BOARD), true, three, REDDITCH, "d", true)));
    }

    @Test
    void theBoardRecommendsOnceAfterAtLeastOneVoteAskedByACouncilTakingPartOrARegionAdmin() {
        Opportunity before = at(Stage.BOARD_RECOMMENDATION, REDDITCH);
        List<BoardVote> votes = List.of(new BoardVote(BROMSGROVE, "a", true), new BoardVote(REDDITCH, "b", true));

        assertEquals("no-votes", refusal(() -> before.recommend(Optional.of(ALLIANCE_BOARD), false, BROMSGROVE, List.of(),
                Set.of(BROMSGROVE, REDDITCH))));
        assertEquals("not-a-participant", refusal(() -> before.recommend(Optional.of(ALLIANCE_BOARD), false, WYCHAVON, votes,
                Set.of(BROMSGROVE, REDDITCH))));
        assertTrue(before.recommend(Optional.of(ALLIANCE_BOARD), true, WYCHAVON, votes, Set.of(BROMSGROVE, REDDITCH))
                .recommended());
        assertEquals("board-has-recommended", refusal(() -> recommended(Map.of(), false, REDDITCH)
                .recommend(Optional.of(ALLIANCE_BOARD), false, BROMSGROVE, votes, Set.of(BROMSGROVE, REDDITCH))));
    }

    @Test
    void aCouncilDecidesOnlyAfterTheBoardHasConsideredAndOnlyIfItTakesPart() {
        assertEquals("no-board-recommendation", refusal(() -> at(Stage.BOARD_RECOMMENDATION, REDDITCH)
                .decide(REDDITCH, DecisionOutcome.APPROVE, Optional.empty())));
        assertEquals("not-a-participant", refusal(() -> recommended(Map.of(), false, REDDITCH)
                .decide(WYCHAVON, DecisionOutcome.APPROVE, Optional.empty())));
    }

    @Test
    void anOpportunityGoesAheadOnlyForTheCouncilsThatApprove() {
        Opportunity o = recommended(Map.of(BROMSGROVE, DecisionOutcome.APPROVE, REDDITCH, DecisionOutcome.REJECT), false,
                REDDITCH, WYCHAVON);

        Opportunity.Decided decided = o.decide(WYCHAVON, DecisionOutcome.APPROVE, Optional.empty());

        assertEquals(new CouncilDecisions.Approval(BROMSGROVE, List.of(WYCHAVON)), decided.approval().orElseThrow());
        assertEquals(Optional.of(new Opportunity.StageMove(Stage.BOARD_RECOMMENDATION, Stage.DECIDED, ALLIANCE)),
                decided.stageMove());
    }

    @Test
    void anApprovedOpportunityIsAnnouncedOnce() {
        Opportunity approved = recommended(Map.of(BROMSGROVE, DecisionOutcome.APPROVE, REDDITCH, DecisionOutcome.APPROVE),
                true, REDDITCH, WYCHAVON);

        assertTrue(approved.decide(WYCHAVON, DecisionOutcome.APPROVE, Optional.empty()).approval().isEmpty());
    }

    @Test
    void aDeferralKeepsTheOpportunityUndecidedAndAnApprovalLaterReplacesIt() {
        Opportunity o = recommended(Map.of(BROMSGROVE, DecisionOutcome.APPROVE), false, REDDITCH);

        Opportunity.Decided deferred = o.decide(REDDITCH, DecisionOutcome.DEFER, Optional.empty());
        assertTrue(deferred.approval().isEmpty());
        assertTrue(deferred.stageMove().isEmpty(), "a deferral is not final");

        Opportunity later = recommended(Map.of(BROMSGROVE, DecisionOutcome.APPROVE, REDDITCH, DecisionOutcome.DEFER), false,
                REDDITCH);
        Opportunity.Decided approved = later.decide(REDDITCH, DecisionOutcome.APPROVE, Optional.empty());
        assertEquals(new CouncilDecisions.Approval(BROMSGROVE, List.of(REDDITCH)), approved.approval().orElseThrow());
        assertEquals(Stage.DECIDED, approved.stageMove().orElseThrow().to());
    }
}
