package io.concordat.hosting.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.util.UUID;

@Serdeable
public record HostOnView(LocalDate day, @Nullable UUID authorityId, @Nullable String name) {
}
