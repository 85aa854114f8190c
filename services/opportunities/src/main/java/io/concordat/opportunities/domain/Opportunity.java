package io.concordat.opportunities.domain;

import io.concordat.events.ServiceArea;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A proposal by one authority to work with others on a service, before anything is agreed.
 * For now it is visible to its own authority only; sharing with regions follows region membership.
 */
public record Opportunity(
        UUID id,
        UUID authorityId,
        String title,
        ServiceArea serviceArea,
        String description,
        CollaborationModel model,
        Trigger trigger,
        Horizon horizon,
        Stage stage,
        String proposedBy,
        Instant proposedAt) {

    public static final int MAX_TITLE = 200;
    public static final int MAX_DESCRIPTION = 20_000;

    public Opportunity {
        Objects.requireNonNull(id);
        Objects.requireNonNull(authorityId);
        Objects.requireNonNull(serviceArea);
        Objects.requireNonNull(stage);
    }

    /**
     * Proposes an opportunity as an idea.
     *
     * @throws InvalidOpportunityException when the title, service area or description break a rule
     */
    public static Opportunity propose(UUID authorityId, String title, String serviceAreaCode, String description,
                                      CollaborationModel model, Trigger trigger, Horizon horizon, String proposedBy,
                                      Instant now) {
        String cleanTitle = title == null ? "" : title.strip();
        if (cleanTitle.isEmpty()) {
            throw new InvalidOpportunityException("title-required", "An opportunity needs a title.");
        }
        if (cleanTitle.length() > MAX_TITLE) {
            throw new InvalidOpportunityException("title-too-long", "A title is at most " + MAX_TITLE + " characters.");
        }
        if (description != null && description.length() > MAX_DESCRIPTION) {
            throw new InvalidOpportunityException("description-too-long",
                    "A description is at most " + MAX_DESCRIPTION + " characters.");
        }
        ServiceArea area = ServiceArea.byCode(serviceAreaCode == null ? "" : serviceAreaCode)
                .orElseThrow(() -> new InvalidOpportunityException("unknown-service-area",
                        "'" + serviceAreaCode + "' is not a service area code."));
        return new Opportunity(UUID.randomUUID(), authorityId, cleanTitle, area,
                description == null || description.isBlank() ? null : description.strip(), model, trigger,
                horizon == null ? Horizon.MEDIUM_TERM : horizon, Stage.IDEA,
                proposedBy, now);
    }
}
