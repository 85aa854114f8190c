package io.concordat.opportunities.domain;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The rule by which an opportunity goes ahead: each council decides for itself, and the
 * collaboration can start once a prospective host and at least one prospective recipient have
 * approved it. It is decided when every participant whose decision counts has approved or rejected.
 */
public final class CouncilDecisions {

    private CouncilDecisions() {
    }

    /**
     * @throws OpportunityRuleException when the authority is not a participant whose decision
     *                                  counts, or the board has not yet considered it
     */
    public static void requireMayDecide(List<Participant> participants, UUID authorityId, boolean boardHasConsidered) {
        if (!boardHasConsidered) {
            throw new OpportunityRuleException("no-board-recommendation",
                    "Councils decide after the board has considered the opportunity.");
        }
        boolean participant = participants.stream().anyMatch(p -> p.authorityId().equals(authorityId) && p.decides());
        if (!participant) {
            throw new OpportunityRuleException(OpportunityRuleException.Kind.NOT_ALLOWED, "not-a-participant",
                    "Only a participating council (accepted, not withdrawn) decides on this opportunity.");
        }
    }

    /** The host and the recipients that have approved, when there is a host and at least one recipient. */
    public static Optional<Approval> approval(List<Participant> participants, Map<UUID, DecisionOutcome> decisions) {
        List<Participant> approved = participants.stream()
                .filter(p -> p.decides() && decisions.get(p.authorityId()) == DecisionOutcome.APPROVE).toList();
        Optional<UUID> host = approved.stream().filter(p -> p.role() == ParticipantRole.PROSPECTIVE_HOST)
                .map(Participant::authorityId).findFirst();
        List<UUID> recipients = approved.stream().filter(p -> p.role() == ParticipantRole.PROSPECTIVE_RECIPIENT)
                .map(Participant::authorityId).toList();
        return host.isPresent() && !recipients.isEmpty()
                ? Optional.of(new Approval(host.get(), recipients)) : Optional.empty();
    }

    /** Whether every participant whose decision counts has approved or rejected (a deferral is not final). */
    public static boolean allDecided(List<Participant> participants, Map<UUID, DecisionOutcome> decisions) {
        return participants.stream().filter(Participant::decides).allMatch(p -> {
            DecisionOutcome outcome = decisions.get(p.authorityId());
            return outcome == DecisionOutcome.APPROVE || outcome == DecisionOutcome.REJECT;
        });
    }

    /** Who goes ahead: one host and the recipients that approved. */
    public record Approval(UUID host, List<UUID> recipients) {
    }
}
