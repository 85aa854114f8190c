package io.concordat.opportunities.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Opportunities at a given point of their life, for the rules' tests. */
final class OpportunityFixtures {

    static final UUID BROMSGROVE = UUID.randomUUID();
    static final UUID REDDITCH = UUID.randomUUID();
    static final UUID WYCHAVON = UUID.randomUUID();
    static final UUID ALLIANCE = UUID.randomUUID();
    static final Board ALLIANCE_BOARD = new Board(3, BoardRule.CONSENSUS_ELSE_MINIMUM_FROM_EACH, 2);

    private OpportunityFixtures() {
    }

    /** Bromsgrove's proposal to share payroll, shared with the alliance, Bromsgrove proposing as host. */
    static Opportunity proposed(Horizon horizon) {
        return Opportunity.propose(BROMSGROVE, "Shared payroll", "support.payroll", null, CollaborationModel.JOINT_PROVISION_WITH_HOST,
                null, horizon, "officer", Instant.parse("2026-04-01T09:00:00Z"))
                .putForward(List.of(ALLIANCE), null, null, ParticipantRole.PROSPECTIVE_HOST);
    }

    /** The same at another stage, with Redditch (and any others) accepted as prospective recipients. */
    static Opportunity at(Stage stage, UUID... recipients) {
        Opportunity o = proposed(Horizon.QUICK_WIN);
        List<Participant> participants = new ArrayList<>(o.participants());
        for (UUID recipient : recipients) {
            participants.add(new Participant(recipient, ParticipantRole.PROSPECTIVE_RECIPIENT, ParticipantStatus.COMMITTED,
                    true));
        }
        return with(o, stage, stage == Stage.BOARD_RECOMMENDATION ? ALLIANCE : null, participants, Optional.empty(),
                Map.of(), false);
    }

    /** Before the alliance's board, which has recommended it, with the decisions taken so far. */
    static Opportunity recommended(Map<UUID, DecisionOutcome> decisions, boolean approved, UUID... recipients) {
        Opportunity o = at(Stage.BOARD_RECOMMENDATION, recipients);
        return with(o, o.stage(), ALLIANCE, o.participants(),
                Optional.of(new BoardRecommendation(true, ALLIANCE_BOARD.rule(), 6, 0, "Consensus")), decisions, approved);
    }

    static Opportunity with(Opportunity o, Stage stage, UUID boardRegionId, List<Participant> participants,
                            Optional<BoardRecommendation> recommendation, Map<UUID, DecisionOutcome> decisions,
                            boolean approved) {
        return new Opportunity(o.id(), o.authorityId(), o.title(), o.serviceArea(), o.description(), o.model(), o.trigger(),
                o.horizon(), stage, o.proposedBy(), o.proposedAt(), o.targetDecisionOn(), o.targetStartOn(), o.regionIds(),
                boardRegionId, participants, recommendation, decisions, approved);
    }
}
