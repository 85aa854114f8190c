package io.concordat.tenants.store;

import io.micronaut.core.annotation.Introspected;

import java.time.Instant;

/** How a registration was rejected, read from its authority's record. */
@Introspected
public record Rejection(String reason, String rejectedBy, Instant rejectedAt) {
}
