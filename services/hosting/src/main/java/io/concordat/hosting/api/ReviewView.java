package io.concordat.hosting.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.util.UUID;

@Serdeable
public record ReviewView(UUID id, String kind, LocalDate dueOn, @Nullable String outcome, @Nullable String decidedBy,
                         @Nullable LocalDate completedOn, @Nullable String note) {
}
