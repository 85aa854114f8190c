package io.concordat.events.hosting.v1;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A hosting arrangement was agreed: one body hosts a service for recipients.
 *
 * @param recipientAuthorityIds the recipients that take part from the start, by their council's recorded
 *                       decision; a council only asked is not listed ({@link RecipientJoined} follows if it accepts)
 * @param basis          PERMANENT, FIXED_TERM, TRIAL or INTERIM
 * @param endsOn         a fixed term's or trial's end
 * @param opportunityId  the opportunity it came from, if any
 * @param costAllocation EQUAL_SHARES, BY_USAGE, FIXED_FEE or RECHARGE_AT_COST_PER_DAY
 */
@Serdeable
public record ArrangementAgreed(UUID arrangementId, String title, String serviceArea, UUID hostAuthorityId,
                                List<UUID> recipientAuthorityIds, String basis, LocalDate startsOn,
                                @Nullable LocalDate endsOn, @Nullable UUID opportunityId, String costAllocation,
                                List<UUID> regionIds, Instant agreedAt) {

    /** An absent list means an empty one: some writers leave empty lists out. */
    public ArrangementAgreed {
        recipientAuthorityIds = recipientAuthorityIds == null ? List.of() : List.copyOf(recipientAuthorityIds);
        regionIds = regionIds == null ? List.of() : List.copyOf(regionIds);
    }
}
