package io.concordat.hosting.api;

import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.util.UUID;

/** A transfer of the hosting awaiting the proposed host's answer; until it accepts, the host is unchanged. */
@Serdeable
public record ProposedHostView(UUID transferId, UUID authorityId, String name, LocalDate effectiveOn) {
}
