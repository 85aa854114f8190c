package io.concordat.events.hosting.v1;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An agreed arrangement went live: the host provides the service from this day. */
@Serdeable
public record ArrangementStarted(UUID arrangementId, UUID hostAuthorityId, LocalDate startedOn, String startedBy,
                                 Instant recordedAt) {
}
