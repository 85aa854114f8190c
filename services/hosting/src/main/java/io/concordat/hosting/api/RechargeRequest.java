package io.concordat.hosting.api;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;

import java.time.LocalDate;
import java.util.UUID;

/** A recharge to a recipient for a period, in pence. */
@Serdeable
public record RechargeRequest(@NotNull UUID recipientAuthorityId, @NotNull LocalDate periodFrom, @NotNull LocalDate periodTo,
                              long amountPence) {
}
