package io.concordat.opportunities.domain;

import java.util.UUID;

/**
 * An authority taking part in an opportunity. Another council joins as interested or committed;
 * the proposer accepts it before it counts for decisions.
 */
public record Participant(UUID authorityId, ParticipantRole role, ParticipantStatus status, boolean accepted) {

    /** Whether this authority's decision counts: accepted and not withdrawn. */
    public boolean decides() {
        return accepted && status != ParticipantStatus.WITHDRAWN;
    }
}
