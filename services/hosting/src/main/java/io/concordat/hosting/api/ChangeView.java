package io.concordat.hosting.api;

import io.micronaut.serde.annotation.Serdeable;

/** A change to the arrangement, with who made it and when. */
@Serdeable
public record ChangeView(String change, String by, java.time.Instant at) {
}
