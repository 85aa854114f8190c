package io.concordat.opportunities.api;

import io.concordat.kit.problem.Choices;
import io.concordat.opportunities.domain.BusinessCase;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A business case; each submission is a new version. Money is in pence.
 *
 * @param costSplit     how the one-off costs net of external funding are shared: EQUAL (between the
 *                      councils taking part), BY_SHARE (with sharesPercent adding up to 100) or
 *                      BY_POPULATION (with populations)
 * @param populations   with BY_POPULATION: the population of each council sharing the costs
 * @param projectedSavings each council's saving per financial year; only councils taking part
 * @param benefits      non-financial benefits: resilience, capacity, skills, retention...
 * @param staffingImplications whether staff are affected: then staff and trade unions must be
 *                      consulted (the dates recorded) before a council decides
 */
@Serdeable
@Schema(examples = "{\"investigationCostPence\":500000,\"implementationCostPence\":3000000,\"costSplit\":\"EQUAL\",\"externalFundingPence\":3000000,\"projectedSavings\":[{\"authorityId\":\"7b2e4c1a-9f3d-4e8b-8c6a-2d5f0e9a4b02\",\"financialYear\":\"2026/27\",\"annualPence\":2000000}],\"benefits\":[\"Resilience\"],\"risks\":[{\"category\":\"PEOPLE\",\"description\":\"Staff uncertainty\",\"likelihood\":3,\"impact\":3}],\"staffingImplications\":true,\"staffConsultedOn\":\"2026-05-01\",\"tradeUnionsConsultedOn\":\"2026-05-02\"}")
public record BusinessCaseRequest(
        long investigationCostPence,
        long implementationCostPence,
        @NotBlank String costSplit,
        @Nullable Map<UUID, Integer> sharesPercent,
        @Nullable Map<UUID, Long> populations,
        long externalFundingPence,
        @Nullable @Size(max = 500) List<@Valid Saving> projectedSavings,
        @Nullable @Size(max = 50) List<@Size(max = 500) String> benefits,
        @Nullable @Size(max = 100) List<@Valid Risk> risks,
        boolean staffingImplications,
        @Nullable LocalDate staffConsultedOn,
        @Nullable LocalDate tradeUnionsConsultedOn) {

    /** The domain's business case; a malformed one is refused by the domain's rules. */
    BusinessCase toDomain() {
        return new BusinessCase(investigationCostPence, implementationCostPence,
                Choices.parse(BusinessCase.CostSplit.class, costSplit, "cost split"),
                sharesPercent, populations, externalFundingPence,
                projectedSavings == null ? List.of() : projectedSavings.stream()
                        .map(s -> new BusinessCase.Saving(s.authorityId(),
                                s.financialYear(), s.annualPence())).toList(),
                benefits,
                risks == null ? List.of() : risks.stream().map(k -> new BusinessCase.Risk(
                        Choices.parse(BusinessCase.RiskCategory.class, k.category(),
                                "risk category"), k.description(), k.likelihood(), k.impact())).toList(),
                staffingImplications, staffConsultedOn, tradeUnionsConsultedOn, List.of());
    }

    /** A projected annual saving of one authority in one financial year, e.g. "2026/27". */
    @Serdeable
    public record Saving(@NotNull UUID authorityId, @NotBlank String financialYear, long annualPence) {
    }

    /**
     * A risk.
     *
     * @param category STRATEGY, REPUTATION, REGULATORY_LEGAL, FINANCIAL, OPERATIONAL, PEOPLE, INFORMATION or OTHER
     */
    @Serdeable
    public record Risk(@NotBlank String category, @NotBlank @Size(max = 2000) String description, int likelihood,
                       int impact) {
    }
}
