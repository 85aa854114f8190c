package io.concordat.opportunities.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An opportunity with everything that has happened to it: participants, stage history, the
 * board's recommendation and each council's decision.
 *
 * @param allowedStages     the stages its proposer may move it to now
 * @param businessCaseVersion the latest business case version, or null when there is none
 * @param decisions         each council's decision: APPROVE, REJECT or DEFER
 */
@Serdeable
public record OpportunityDetailView(OpportunityView opportunity, List<String> allowedStages, List<ParticipantView> participants,
                                    List<StageChangeView> history, @Nullable Integer businessCaseVersion,
                                    @Nullable UUID boardRegionId, @Nullable RecommendationView recommendation,
                                    Map<UUID, String> decisions, boolean approved) {

    /** A participating authority. */
    @Serdeable
    public record ParticipantView(UUID authorityId, String authorityName, String role, String status, boolean accepted) {
    }

    /** One stage change. */
    @Serdeable
    public record StageChangeView(String from, String to, String by, Instant at, @Nullable String note) {
    }

    /** The board's recommendation. */
    @Serdeable
    public record RecommendationView(UUID regionId, boolean recommended, String rule, int inFavour, int against,
                                     String reason, Instant recordedAt) {
    }
}
