package io.concordat.tenants.store;

import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A member authority's agreement, by one of its region admins, to close a region. Kept after the region closes. */
@MappedEntity("region_closure_agreement")
public record RegionClosureAgreementRow(@EmbeddedId RegionClosureAgreementKey id, String agreedBy, Instant agreedAt,
                                        String reason) {
}
