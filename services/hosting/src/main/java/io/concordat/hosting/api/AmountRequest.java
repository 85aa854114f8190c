package io.concordat.hosting.api;

import io.micronaut.serde.annotation.Serdeable;

/** An amount in pence. */
@Serdeable
public record AmountRequest(long pence) {
}
