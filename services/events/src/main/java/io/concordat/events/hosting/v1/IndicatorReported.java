package io.concordat.events.hosting.v1;

import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A reading of an indicator for a recipient in a period, rated against that recipient's target.
 *
 * @param rating GREEN, AMBER or RED
 */
@Serdeable
public record IndicatorReported(UUID arrangementId, UUID indicatorId, String indicatorName, UUID recipientAuthorityId,
                                String period, BigDecimal value, BigDecimal target, String rating, Instant reportedAt) {
}
