package io.concordat.hosting.api;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;

import java.time.LocalDate;
import java.util.UUID;

/** A recharge to a recipient for a period, in pence. */
@Serdeable
@Schema(examples = "{\"recipientAuthorityId\":\"0d8b5a8e-3c1f-4c55-9a55-6a8f1d1c2b01\",\"periodFrom\":\"2021-04-01\",\"periodTo\":\"2021-09-30\",\"amountPence\":2000000}")
public record RechargeRequest(@NotNull UUID recipientAuthorityId, @NotNull LocalDate periodFrom, @NotNull LocalDate periodTo,
                              long amountPence) {
}
