package io.concordat.hosting.api;

import io.micronaut.serde.annotation.Serdeable;

import java.util.UUID;

/** A recharge issued to a recipient, in pence. */
@Serdeable
public record RechargeView(UUID recipientAuthorityId, long amountPence) {
}
