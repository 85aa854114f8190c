package io.concordat.hosting.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An arrangement hosted by the caller's authority, e.g. one that predates the platform.
 *
 * @param basis          PERMANENT, FIXED_TERM (with endsOn), TRIAL (trialMonths, 12 by default) or INTERIM
 *                       (with interimCondition)
 * @param costAllocation EQUAL_SHARES, BY_USAGE, FIXED_FEE or RECHARGE_AT_COST_PER_DAY
 */
@Serdeable
public record CreateArrangementRequest(
        @NotBlank @Size(max = 200) String title,
        @NotBlank @Size(max = 100) String serviceArea,
        @NotBlank String basis,
        @NotNull LocalDate startsOn,
        @Nullable LocalDate endsOn,
        @Nullable Integer trialMonths,
        @Nullable LocalDate reviewOn,
        @Nullable @Size(max = 500) String interimCondition,
        @Nullable BigDecimal capacityDaysPerWeek,
        @Nullable @Size(max = 500) String capacityNote,
        @NotBlank String costAllocation,
        @Nullable Integer noticeMonths,
        @Nullable @Size(max = 200) String agreementReference,
        @Nullable @Size(max = 500) String legalBasis,
        @Nullable @Size(max = 20) List<UUID> regionIds,
        @NotNull @Size(min = 1, max = 100) List<@Valid AddRecipientRequest> recipients) {
}
