package io.concordat.events.hosting.v1;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** The host recharged a recipient for a period. Money in pence. */
@Serdeable
public record RechargeIssued(UUID arrangementId, UUID hostAuthorityId, UUID recipientAuthorityId, LocalDate periodFrom,
                             LocalDate periodTo, long amountPence, Instant issuedAt) {
}
