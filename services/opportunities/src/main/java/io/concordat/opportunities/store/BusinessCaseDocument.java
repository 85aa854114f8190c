package io.concordat.opportunities.store;

import io.concordat.opportunities.domain.BusinessCase;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * How a business case version is kept: the domain's {@link BusinessCase} as JSON. Its field
 * names are those versions have always been stored with, so every earlier version reads back;
 * {@code populations} and {@code sharedBy} are absent from versions stored before they were kept.
 */
@Serdeable
record BusinessCaseDocument(
        long investigationCostPence,
        long implementationCostPence,
        String costSplit,
        @Nullable Map<UUID, Integer> sharesPercent,
        @Nullable Map<UUID, Long> populations,
        long externalFundingPence,
        @Nullable List<Saving> projectedSavings,
        @Nullable List<String> benefits,
        @Nullable List<Risk> risks,
        boolean staffingImplications,
        @Nullable LocalDate staffConsultedOn,
        @Nullable LocalDate tradeUnionsConsultedOn,
        @Nullable List<UUID> sharedBy) {

    @Serdeable
    record Saving(UUID authorityId, String financialYear, long annualPence) {
    }

    @Serdeable
    record Risk(String category, String description, int likelihood, int impact) {
    }

    static BusinessCaseDocument of(BusinessCase c) {
        return new BusinessCaseDocument(c.investigationCostPence(), c.implementationCostPence(), c.costSplit().name(),
                c.sharesPercent(), c.populations(), c.externalFundingPence(),
                c.projectedSavings().stream().map(s -> new Saving(s.authorityId(), s.financialYear(), s.annualPence()))
                        .toList(),
                c.benefits(),
                c.risks().stream().map(r -> new Risk(r.category().name(), r.description(), r.likelihood(), r.impact()))
                        .toList(),
                c.staffingImplications(), c.staffConsultedOn(), c.tradeUnionsConsultedOn(), c.sharedBy());
    }

    BusinessCase toDomain() {
        return new BusinessCase(investigationCostPence, implementationCostPence, BusinessCase.CostSplit.valueOf(costSplit),
                sharesPercent, populations, externalFundingPence,
                projectedSavings == null ? List.of() : projectedSavings.stream()
                        .map(s -> new BusinessCase.Saving(s.authorityId(), s.financialYear(), s.annualPence())).toList(),
                benefits,
                risks == null ? List.of() : risks.stream().map(r -> new BusinessCase.Risk(
                        BusinessCase.RiskCategory.valueOf(r.category()), r.description(), r.likelihood(), r.impact()))
                        .toList(),
                staffingImplications, staffConsultedOn, tradeUnionsConsultedOn, sharedBy);
    }
}
