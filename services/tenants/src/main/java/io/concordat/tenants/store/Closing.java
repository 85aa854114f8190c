package io.concordat.tenants.store;

import io.micronaut.core.annotation.Introspected;

import java.time.Instant;
import java.time.LocalDate;

/** How a region was closed, read from its record. */
@Introspected
public record Closing(LocalDate closedOn, String reason, String closedBy, Instant closedAt) {
}
