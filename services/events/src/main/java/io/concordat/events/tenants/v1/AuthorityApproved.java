package io.concordat.events.tenants.v1;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

/**
 * A platform admin approved an authority's registration: it is a live tenant, its staff can sign
 * in through its organization in the identity provider.
 *
 * @param organizationId the authority's organization in the identity provider
 * @param approvedBy     the platform admin who approved it
 */
@Serdeable
public record AuthorityApproved(UUID authorityId, String organizationId, String approvedBy, Instant approvedAt) {
}
