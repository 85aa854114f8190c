package io.concordat.hosting.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.UUID;

/** A recipient, with its own service level and account manager. */
@Serdeable
public record AddRecipientRequest(@NotNull UUID authorityId, @NotNull LocalDate joinedOn,
                                  @Nullable @Size(max = 2000) String serviceLevel,
                                  @Nullable @Size(max = 200) String accountManager) {
}
