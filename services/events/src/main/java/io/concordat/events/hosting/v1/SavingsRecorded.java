package io.concordat.events.hosting.v1;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

/**
 * An authority's saving from the arrangement in a financial year (1 April to 31 March, e.g.
 * "2026/27"): its baseline cost less what the arrangement cost it. Money in pence.
 */
@Serdeable
public record SavingsRecorded(UUID arrangementId, UUID authorityId, String financialYear, long baselinePence,
                              long costPence, long savingPence, Instant recordedAt) {
}
