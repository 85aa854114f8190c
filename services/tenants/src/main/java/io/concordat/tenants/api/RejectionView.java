package io.concordat.tenants.api;

import io.concordat.tenants.app.Rejections;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

/** A rejected registration: kept on record with the reason; it never becomes a tenant. */
@Serdeable
public record RejectionView(UUID authorityId, String name, String status, String reason, String rejectedBy,
                            Instant rejectedAt) {

    static RejectionView of(Rejections.Rejected rejected) {
        return new RejectionView(rejected.authority().id(), rejected.authority().name(), rejected.authority().status(),
                rejected.rejection().reason(), rejected.rejection().rejectedBy(), rejected.rejection().rejectedAt());
    }
}
