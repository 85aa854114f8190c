package io.concordat.opportunities.api;

import io.concordat.events.ServiceArea;
import io.concordat.opportunities.domain.Opportunity;
import io.concordat.opportunities.store.OpportunityRow;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An opportunity as the API lists it.
 *
 * @param serviceAreaTitle the service area's name, for people
 * @param stage            where it stands: IDEA, IN_PRINCIPLE, ... LIVE, or ON_HOLD, REJECTED, WITHDRAWN
 * @param regionIds        the regions it is shared with that the reader may see
 */
@Serdeable
public record OpportunityView(
        UUID id,
        UUID authorityId,
        String title,
        String serviceArea,
        String serviceAreaTitle,
        @Nullable String description,
        String stage,
        @Nullable String model,
        @Nullable String trigger,
        String horizon,
        @Nullable LocalDate targetDecisionOn,
        @Nullable LocalDate targetStartOn,
        String proposedBy,
        Instant proposedAt,
        List<UUID> regionIds) {

    static OpportunityView of(Opportunity o) {
        return new OpportunityView(o.id(), o.authorityId(), o.title(), o.serviceArea().code(), o.serviceArea().title(),
                o.description(), o.stage().name(), name(o.model()), name(o.trigger()), o.horizon().name(),
                o.targetDecisionOn(), o.targetStartOn(), o.proposedBy(), o.proposedAt(), o.regionIds());
    }

    /** A row of a search, which needs no more of the opportunity than this. */
    static OpportunityView of(OpportunityRow row, List<UUID> regionIds) {
        String areaTitle = ServiceArea.byCode(row.serviceArea()).map(ServiceArea::title).orElse(row.serviceArea());
        return new OpportunityView(row.id(), row.authorityId(), row.title(), row.serviceArea(), areaTitle,
                row.description(), row.stage(), row.model(), row.trigger(), row.horizon(), row.targetDecisionOn(),
                row.targetStartOn(), row.proposedBy(), row.proposedAt(), List.copyOf(regionIds));
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
