package io.concordat.opportunities.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who takes part in an opportunity and in what role: the proposing council, which always takes
 * part, and the councils that joined and were accepted. Only councils taking part may be bound
 * by what is agreed in its name (a saving projected for them, a share of its costs, a decision).
 */
public record Participation(UUID proposer, List<Participant> participants) {

    public Participation {
        participants = List.copyOf(participants);
    }

    /**
     * The part the proposer plays from the start: itself as PROPOSER, or a real role (a council
     * opening a vacancy typically receives the shared post).
     *
     * @throws InvalidOpportunityException for INTERESTED: the proposer is committed to its own proposal
     */
    public static ParticipantRole proposerRole(ParticipantRole role) {
        if (role == null) {
            return ParticipantRole.PROPOSER;
        }
        if (role == ParticipantRole.INTERESTED) {
            throw new InvalidOpportunityException("invalid-proposer-role",
                    "The proposer is the PROPOSER, a PROSPECTIVE_HOST or a PROSPECTIVE_RECIPIENT.");
        }
        return role;
    }

    /** The proposer and every accepted participant that has not withdrawn, in the order they joined. */
    public List<UUID> takingPart() {
        Set<UUID> taking = new LinkedHashSet<>();
        taking.add(proposer);
        participants.stream().filter(Participant::decides).map(Participant::authorityId).forEach(taking::add);
        return List.copyOf(taking);
    }

    public boolean takesPart(UUID authority) {
        return takingPart().contains(authority);
    }

    public Optional<Participant> of(UUID authority) {
        return participants.stream().filter(p -> p.authorityId().equals(authority)).findFirst();
    }

    /**
     * A council joins, or changes its part. The proposer may change its role (to host or receive
     * the service itself, or back to PROPOSER) but stays committed and accepted: it withdraws the
     * opportunity instead. Another council is accepted only once the proposer accepts it.
     *
     * @return the participant as it now stands
     * @throws OpportunityRuleException when a role or status is not open to that council
     */
    public Participant join(UUID authority, ParticipantRole role, ParticipantStatus status) {
        if (authority.equals(proposer)) {
            ParticipantRole own = proposerRole(role);
            if (status != ParticipantStatus.COMMITTED) {
                throw new OpportunityRuleException(OpportunityRuleException.Kind.CONFLICT, "proposer-stays-committed",
                        "The proposing council stays COMMITTED; to stop, move the opportunity to WITHDRAWN.");
            }
            return new Participant(authority, own, ParticipantStatus.COMMITTED, true);
        }
        if (role == ParticipantRole.PROPOSER) {
            throw new InvalidOpportunityException("invalid-role", "Only the proposing authority is the PROPOSER.");
        }
        boolean accepted = of(authority).map(Participant::accepted).orElse(false);
        return new Participant(authority, role, status, accepted);
    }

    /**
     * @throws OpportunityRuleException (unprocessable) naming the councils among {@code named}
     *                                  that do not take part
     */
    public void requireTakingPart(Collection<UUID> named, String what) {
        List<UUID> taking = takingPart();
        List<UUID> outside = new ArrayList<>(new LinkedHashSet<>(named));
        outside.removeIf(taking::contains);
        if (!outside.isEmpty()) {
            throw new OpportunityRuleException(OpportunityRuleException.Kind.UNPROCESSABLE, "council-not-taking-part",
                    what + " may name only councils taking part in the opportunity (the proposer or an accepted "
                            + "participant); these do not: " + outside + ".",
                    Map.of("authorities", outside.stream().map(UUID::toString).toList()));
        }
    }
}
