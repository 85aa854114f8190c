package io.concordat.hosting.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A hosting arrangement.
 *
 * @param management     day-to-day management and statutory accountability, stated on the record
 * @param hostOn         with {@code ?hostOn=}: who hosted it on that day
 * @param proposedHost   a transfer of the hosting awaiting its answer, if any
 */
@Serdeable
public record ArrangementView(UUID id, String title, String serviceArea, UUID hostAuthorityId, String hostName,
                              String status, String basis, LocalDate startsOn, @Nullable LocalDate endsOn,
                              @Nullable LocalDate reviewOn, @Nullable String interimCondition,
                              @Nullable LocalDate conditionMetOn, @Nullable BigDecimal capacityDaysPerWeek,
                              @Nullable String capacityNote, String costAllocation, @Nullable Integer noticeMonths,
                              @Nullable String agreementReference, @Nullable String legalBasis, @Nullable UUID opportunityId,
                              @Nullable LocalDate exitOn, @Nullable String terminationReason, String management,
                              List<HostPeriodView> hosts, List<RecipientView> recipients, List<UUID> regionIds,
                              @Nullable HostOnView hostOn, List<ChangeView> history, @Nullable ProposedHostView proposedHost) {
}
