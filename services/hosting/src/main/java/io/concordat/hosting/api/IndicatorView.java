package io.concordat.hosting.api;

import io.micronaut.serde.annotation.Serdeable;

import java.util.UUID;

/** An indicator just agreed for the arrangement. */
@Serdeable
public record IndicatorView(UUID id, String name) {
}
