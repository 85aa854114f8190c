package io.concordat.tenants.api;

import io.concordat.tenants.app.RegionClosures;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Where closing a region stands.
 *
 * @param status   OPEN (no member has agreed), CLOSING (some have) or CLOSED
 * @param agreed   the member authorities whose region admins agreed to close it
 * @param awaiting the member authorities still to agree; empty once closed
 */
@Serdeable
public record RegionClosureView(UUID regionId, String status, List<UUID> agreed, List<UUID> awaiting,
                                @Nullable LocalDate closedOn, @Nullable String reason, @Nullable String closedBy,
                                @Nullable Instant closedAt) {

    static RegionClosureView of(RegionClosures.Standing standing) {
        var closing = standing.closing().orElse(null);
        String status = closing != null ? "CLOSED" : standing.agreed().isEmpty() ? "OPEN" : "CLOSING";
        return new RegionClosureView(standing.regionId(), status, standing.agreed().stream().sorted().toList(),
                standing.awaiting().stream().sorted().toList(), closing == null ? null : closing.closedOn(),
                closing == null ? null : closing.reason(), closing == null ? null : closing.closedBy(),
                closing == null ? null : closing.closedAt());
    }
}
