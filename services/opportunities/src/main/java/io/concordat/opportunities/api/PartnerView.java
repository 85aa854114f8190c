package io.concordat.opportunities.api;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.UUID;

/**
 * A council that might share a post or take part in an opportunity, and why it was suggested.
 *
 * @param score   higher is a stronger match
 * @param reasons each reason in words, e.g. "is also recruiting an Elections Manager, closing 1 May 2026"
 */
@Serdeable
public record PartnerView(UUID authorityId, String authorityName, int score, List<String> reasons,
                      List<String> sharedRegions) {
}
