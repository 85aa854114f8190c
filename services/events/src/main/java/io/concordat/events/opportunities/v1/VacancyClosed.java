package io.concordat.events.opportunities.v1;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A vacant post stopped being recruited to: it no longer surfaces to other councils as a post
 * they might share. Published once per vacancy, by the council whose post it is.
 *
 * @param reason        FILLED, WITHDRAWN, or OPPORTUNITY_OPENED (recruitment stopped while
 *                      sharing the post is considered)
 * @param opportunityId with OPPORTUNITY_OPENED, the opportunity opened to share the post
 * @param closedOn      the day it closed
 */
@Serdeable
public record VacancyClosed(UUID vacancyId, UUID authorityId, String reason, @Nullable UUID opportunityId,
                            LocalDate closedOn, String closedBy, Instant closedAt) {
}
