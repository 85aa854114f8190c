package io.concordat.hosting.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Answers of the hosting API. Money is in pence. */
public final class HostingViews {

    private HostingViews() {
    }

    /**
     * A hosting arrangement.
     *
     * @param management     day-to-day management and statutory accountability, stated on the record
     * @param hostOn         with {@code ?hostOn=}: who hosted it on that day
     * @param proposedHost   a transfer of the hosting awaiting its answer, if any
     */
    @Serdeable
    public record Arrangement(UUID id, String title, String serviceArea, UUID hostAuthorityId, String hostName,
                              String status, String basis, LocalDate startsOn, @Nullable LocalDate endsOn,
                              @Nullable LocalDate reviewOn, @Nullable String interimCondition,
                              @Nullable LocalDate conditionMetOn, @Nullable BigDecimal capacityDaysPerWeek,
                              @Nullable String capacityNote, String costAllocation, @Nullable Integer noticeMonths,
                              @Nullable String agreementReference, @Nullable String legalBasis, @Nullable UUID opportunityId,
                              @Nullable LocalDate exitOn, @Nullable String terminationReason, String management,
                              List<HostPeriod> hosts, List<Recipient> recipients, List<UUID> regionIds,
                              @Nullable HostOn hostOn, List<Change> history, @Nullable ProposedHost proposedHost) {
    }

    /** A transfer of the hosting awaiting the proposed host's answer; until it accepts, the host is unchanged. */
    @Serdeable
    public record ProposedHost(UUID transferId, UUID authorityId, String name, LocalDate effectiveOn) {
    }

    /** A council's answer to being asked to take part: ACCEPTED or DECLINED. */
    @Serdeable
    public record Answer(UUID arrangementId, UUID authorityId, String answer) {
    }

    /** A change to the arrangement, with who made it and when. */
    @Serdeable
    public record Change(String change, String by, java.time.Instant at) {
    }

    @Serdeable
    public record HostPeriod(UUID authorityId, String name, LocalDate from, @Nullable LocalDate to) {
    }

    /**
     * A recipient's time receiving the service.
     *
     * @param consent ASKED (not yet receiving: awaiting its answer), ACCEPTED or DECLINED
     */
    @Serdeable
    public record Recipient(UUID authorityId, String name, LocalDate joinedOn, @Nullable LocalDate leftOn,
                            @Nullable String leftReason, @Nullable String serviceLevel, @Nullable String accountManager,
                            String consent) {
    }

    @Serdeable
    public record HostOn(LocalDate day, @Nullable UUID authorityId, @Nullable String name) {
    }

    /** An authority's saving in a financial year. */
    @Serdeable
    public record Saving(UUID authorityId, String name, long baselinePence, long costPence, long savingPence) {
    }

    /**
     * A financial year's ledger, by the host or hosts of that year.
     *
     * @param runningCostPence the running costs of all the year's hosts
     * @param hosts            each host of the year with its own running cost
     */
    @Serdeable
    public record SavingsYear(String financialYear, long runningCostPence, List<Saving> authorities, long totalSavingPence,
                              List<HostCost> hosts) {
    }

    /** A host's running cost for the part of a year it hosted. */
    @Serdeable
    public record HostCost(UUID authorityId, String name, long runningCostPence) {
    }

    /** An indicator's rating for each recipient in a period: GREEN, AMBER, RED or MISSING. */
    @Serdeable
    public record IndicatorRatings(UUID id, String name, String unit, String direction, String period,
                                   List<Rating> recipients) {
    }

    @Serdeable
    public record Rating(UUID authorityId, String name, @Nullable BigDecimal target, @Nullable BigDecimal reading,
                         String rating) {
    }

    @Serdeable
    public record Review(UUID id, String kind, LocalDate dueOn, @Nullable String outcome, @Nullable String decidedBy,
                         @Nullable LocalDate completedOn, @Nullable String note) {
    }
}
