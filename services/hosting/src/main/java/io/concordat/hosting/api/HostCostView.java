package io.concordat.hosting.api;

import io.micronaut.serde.annotation.Serdeable;

import java.util.UUID;

/** A host's running cost for the part of a year it hosted. */
@Serdeable
public record HostCostView(UUID authorityId, String name, long runningCostPence) {
}
