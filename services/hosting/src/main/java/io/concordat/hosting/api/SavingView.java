package io.concordat.hosting.api;

import io.micronaut.serde.annotation.Serdeable;

import java.util.UUID;

/** An authority's saving in a financial year. */
@Serdeable
public record SavingView(UUID authorityId, String name, long baselinePence, long costPence, long savingPence) {
}
