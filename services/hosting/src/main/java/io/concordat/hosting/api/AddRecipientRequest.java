package io.concordat.hosting.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.UUID;

/** A recipient, with its own service level and account manager. */
@Serdeable
@Schema(examples = "{\"authorityId\":\"0d8b5a8e-3c1f-4c55-9a55-6a8f1d1c2b01\",\"joinedOn\":\"2021-04-01\",\"serviceLevel\":\"Two days a week\",\"accountManager\":\"Head of HR\"}")
public record AddRecipientRequest(@NotNull UUID authorityId, @NotNull LocalDate joinedOn,
                                  @Nullable @Size(max = 2000) String serviceLevel,
                                  @Nullable @Size(max = 200) String accountManager) {
}
