package io.concordat.hosting.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
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
@Schema(examples = "{\"title\":\"Shared HR\",\"serviceArea\":\"support.hr\",\"basis\":\"TRIAL\",\"startsOn\":\"2021-04-01\",\"trialMonths\":12,\"reviewOn\":\"2021-10-01\",\"capacityDaysPerWeek\":3,\"capacityNote\":\"Three days a week\",\"costAllocation\":\"RECHARGE_AT_COST_PER_DAY\",\"noticeMonths\":6,\"agreementReference\":\"SLA/1\",\"legalBasis\":\"Local Government Act 1972 s.113\",\"regionIds\":[\"3a9c7e5b-1d2f-4a6b-9e8c-5f4d3c2b1a03\"],\"recipients\":[{\"authorityId\":\"0d8b5a8e-3c1f-4c55-9a55-6a8f1d1c2b01\",\"joinedOn\":\"2021-04-01\",\"serviceLevel\":\"Two days a week\",\"accountManager\":\"Head of HR\"}]}")
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
