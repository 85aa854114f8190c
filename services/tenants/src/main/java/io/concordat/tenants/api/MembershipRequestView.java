package io.concordat.tenants.api;

import io.concordat.tenants.store.MembershipRequestRow;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A request to join a region.
 *
 * @param status   PENDING, APPROVED or DECLINED
 * @param joinedOn the day the membership is to start, when it was asked with one
 */
@Serdeable
public record MembershipRequestView(UUID id, UUID regionId, UUID authorityId, String status, Instant requestedAt,
                                    @Nullable Instant decidedAt, @Nullable String reason, @Nullable LocalDate joinedOn) {

    static MembershipRequestView of(MembershipRequestRow row) {
        return new MembershipRequestView(row.id(), row.regionId(), row.authorityId(), row.status(), row.requestedAt(),
                row.decidedAt(), row.reason(), row.joinedOn());
    }
}
