package io.concordat.events.hosting.v1;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The host asked a council to receive the service from a day. Nothing has taken effect: the
 * council receives the service (and {@link RecipientJoined} follows) only when it accepts.
 *
 * @param invitedBy who asked, for the host
 */
@Serdeable
public record RecipientInvited(UUID arrangementId, UUID hostAuthorityId, UUID authorityId, LocalDate joinedOn,
                               @Nullable String invitedBy, Instant recordedAt) {
}
