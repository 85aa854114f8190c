package io.concordat.hosting.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A recipient's time receiving the service.
 *
 * @param consent ASKED (not yet receiving: awaiting its answer), ACCEPTED or DECLINED
 */
@Serdeable
public record RecipientView(UUID authorityId, String name, LocalDate joinedOn, @Nullable LocalDate leftOn,
                            @Nullable String leftReason, @Nullable String serviceLevel, @Nullable String accountManager,
                            String consent) {
}
