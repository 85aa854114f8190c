package io.concordat.tenants.store;

import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.MappedProperty;

import java.util.UUID;

/** A member authority agrees at most once to close a region. */
@Embeddable
public record RegionClosureAgreementKey(@MappedProperty("region_id") UUID regionId,
                                        @MappedProperty("authority_id") UUID authorityId) {
}
