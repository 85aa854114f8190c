package io.concordat.hosting.api;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * A financial year's ledger, by the host or hosts of that year.
 *
 * @param runningCostPence the running costs of all the year's hosts
 * @param hosts            each host of the year with its own running cost
 */
@Serdeable
public record SavingsYearView(String financialYear, long runningCostPence, List<SavingView> authorities, long totalSavingPence,
                              List<HostCostView> hosts) {
}
