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
import java.util.Map;
import java.util.UUID;

/** Request bodies of the hosting API. Money is in pence. */
public final class HostingRequests {

    private HostingRequests() {
    }

    /**
     * An arrangement hosted by the caller's authority, e.g. one that predates the platform.
     *
     * @param basis          PERMANENT, FIXED_TERM (with endsOn), TRIAL (trialMonths, 12 by default) or INTERIM
     *                       (with interimCondition)
     * @param costAllocation EQUAL_SHARES, BY_USAGE, FIXED_FEE or RECHARGE_AT_COST_PER_DAY
     */
    @Serdeable
    public record CreateArrangement(
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
            @NotNull @Size(min = 1, max = 100) List<@Valid AddRecipient> recipients) {
    }

    /** A recipient, with its own service level and account manager. */
    @Serdeable
    public record AddRecipient(@NotNull UUID authorityId, @NotNull LocalDate joinedOn,
                               @Nullable @Size(max = 2000) String serviceLevel,
                               @Nullable @Size(max = 200) String accountManager) {
    }

    @Serdeable
    public record RecipientLeaves(@NotNull LocalDate leftOn, @NotBlank @Size(max = 2000) String reason) {
    }

    /** Moves the hosting to another body from a date. */
    @Serdeable
    public record TransferHost(@NotNull UUID toAuthorityId, @NotNull LocalDate effectiveOn) {
    }

    /** Records that an interim arrangement's condition was met, which ends it on that day. */
    @Serdeable
    public record ConditionMet(@NotNull LocalDate metOn) {
    }

    /** The agreed arrangement goes live on a day. */
    @Serdeable
    public record Start(@NotNull LocalDate startedOn) {
    }

    @Serdeable
    public record Terminate(@NotBlank @Size(max = 2000) String reason, @NotNull LocalDate exitOn) {
    }

    @Serdeable
    public record Recharge(@NotNull UUID recipientAuthorityId, @NotNull LocalDate periodFrom, @NotNull LocalDate periodTo,
                           long amountPence) {
    }

    @Serdeable
    public record Amount(long pence) {
    }

    /**
     * An indicator agreed at the start.
     *
     * @param direction   HIGHER_IS_BETTER or LOWER_IS_BETTER
     * @param amberMargin how far short of target a reading is still amber
     * @param targets     the target for each recipient
     */
    @Serdeable
    public record DefineIndicator(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 50) String unit,
                                  @NotBlank String direction, @NotNull BigDecimal amberMargin,
                                  @NotNull Map<UUID, BigDecimal> targets) {
    }

    /**
     * A reading for a recipient in a period.
     *
     * @param period a financial year ("2026/27"), a quarter of one ("2026/27 Q2"; Q1 is April to June)
     *               or a calendar month ("2026-09")
     */
    @Serdeable
    public record Reading(@NotNull UUID authorityId, @NotBlank @Size(max = 20) String period, @NotNull BigDecimal value) {
    }

    /** A review to hold, e.g. the 6-month review of a trial, or an annual review. */
    @Serdeable
    public record ScheduleReview(@NotBlank @Size(max = 100) String kind, @NotNull LocalDate dueOn) {
    }

    /**
     * @param outcome CONTINUE, VARY or TERMINATE
     * @param decidedBy the body that decided, e.g. "Shared Services Board"
     */
    @Serdeable
    public record CompleteReview(@NotBlank String outcome, @NotBlank @Size(max = 200) String decidedBy,
                                 @NotNull LocalDate completedOn, @Nullable @Size(max = 2000) String note) {
    }
}
