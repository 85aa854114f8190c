package io.concordat.hosting.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.util.UUID;

@Serdeable
public record HostPeriodView(UUID authorityId, String name, LocalDate from, @Nullable LocalDate to) {
}
