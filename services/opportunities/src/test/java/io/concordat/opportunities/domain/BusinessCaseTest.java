package io.concordat.opportunities.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BusinessCaseTest {

    private static final UUID CHORLEY = UUID.randomUUID();
    private static final UUID SOUTH_RIBBLE = UUID.randomUUID();
    private static final UUID PRESTON = UUID.randomUUID();

    @Test
    void theAnnualSavingOfAMultiYearCaseIsItsFullYearSavingAndTheTotalIsKeptApart() {
        BusinessCase threeYears = businessCase(BusinessCase.CostSplit.EQUAL, Map.of(), Map.of(), List.of(
                new BusinessCase.Saving(CHORLEY, "2026/27", 1_000_000), new BusinessCase.Saving(CHORLEY, "2027/28", 2_000_000),
                new BusinessCase.Saving(CHORLEY, "2028/29", 3_000_000),
                new BusinessCase.Saving(SOUTH_RIBBLE, "2026/27", 500_000), new BusinessCase.Saving(SOUTH_RIBBLE, "2027/28", 800_000)));

        assertEquals(3_800_000, threeYears.projectedAnnualSavingsPence(), "each council's last projected year, added up");
        assertEquals(7_300_000, threeYears.projectedTotalSavingsPence());
        assertEquals(Map.of("2026/27", 1_500_000L, "2027/28", 2_800_000L, "2028/29", 3_000_000L),
                threeYears.projectedSavingsByYear());
    }

    @Test
    void anEqualSplitSharesTheCostsExternalFundingDoesNotMeetBetweenTheCouncilsTakingPartToThePenny() {
        BusinessCase equal = businessCase(BusinessCase.CostSplit.EQUAL, Map.of(), Map.of(), List.of())
                .submittedFor(threeCouncils());

        List<BusinessCase.CostShare> shares = equal.costShares();

        assertEquals(2_500_000, equal.netOneOffCostsPence(), "3,500,000 one-off less 1,000,000 funding");
        assertEquals(List.of(CHORLEY, SOUTH_RIBBLE, PRESTON), shares.stream().map(BusinessCase.CostShare::authorityId).toList());
        assertEquals(2_500_000, shares.stream().mapToLong(BusinessCase.CostShare::pence).sum());
        assertEquals(List.of(833_334L, 833_333L, 833_333L).stream().sorted().toList(),
                shares.stream().map(BusinessCase.CostShare::pence).sorted().toList());
        assertEquals(new BigDecimal("33.33"), shares.get(0).percent());
    }

    @Test
    void aSplitByShareOrByPopulationFollowsTheFigures() {
        BusinessCase byShare = businessCase(BusinessCase.CostSplit.BY_SHARE, Map.of(CHORLEY, 60, SOUTH_RIBBLE, 40), Map.of(),
                List.of()).submittedFor(threeCouncils());
        assertEquals(Map.of(CHORLEY, 1_500_000L, SOUTH_RIBBLE, 1_000_000L), pence(byShare));

        BusinessCase byPopulation = businessCase(BusinessCase.CostSplit.BY_POPULATION, Map.of(),
                Map.of(CHORLEY, 117_000L, SOUTH_RIBBLE, 111_000L, PRESTON, 147_000L), List.of()).submittedFor(threeCouncils());
        Map<UUID, Long> parts = pence(byPopulation);
        assertEquals(780_000L, parts.get(CHORLEY));
        assertEquals(740_000L, parts.get(SOUTH_RIBBLE));
        assertEquals(980_000L, parts.get(PRESTON));
    }

    @Test
    void aBusinessCaseMayNameOnlyCouncilsThatTakePart() {
        UUID outsider = UUID.randomUUID();
        Participation participation = new Participation(CHORLEY, List.of(
                new Participant(SOUTH_RIBBLE, ParticipantRole.PROSPECTIVE_HOST, ParticipantStatus.COMMITTED, true),
                new Participant(PRESTON, ParticipantRole.PROSPECTIVE_RECIPIENT, ParticipantStatus.COMMITTED, false)));

        for (BusinessCase naming : List.of(
                businessCase(BusinessCase.CostSplit.EQUAL, Map.of(), Map.of(), List.of(new BusinessCase.Saving(outsider, "2026/27", 1))),
                businessCase(BusinessCase.CostSplit.EQUAL, Map.of(), Map.of(), List.of(new BusinessCase.Saving(PRESTON, "2026/27", 1))),
                businessCase(BusinessCase.CostSplit.BY_SHARE, Map.of(CHORLEY, 50, outsider, 50), Map.of(), List.of()))) {
            OpportunityRuleException e = assertThrows(OpportunityRuleException.class, () -> naming.submittedFor(participation));
            assertEquals(OpportunityRuleException.Kind.UNPROCESSABLE, e.kind());
            assertEquals("council-not-taking-part", e.rule());
        }
        assertEquals(List.of(CHORLEY, SOUTH_RIBBLE), businessCase(BusinessCase.CostSplit.EQUAL, Map.of(), Map.of(),
                List.of(new BusinessCase.Saving(SOUTH_RIBBLE, "2026/27", 1))).submittedFor(participation).sharedBy());
    }

    @Test
    void aSplitByPopulationNeedsPopulations() {
        assertThrows(InvalidOpportunityException.class, () -> businessCase(BusinessCase.CostSplit.BY_POPULATION, Map.of(),
                Map.of(), List.of()).submittedFor(threeCouncils()));
        assertThrows(InvalidOpportunityException.class, () -> businessCase(BusinessCase.CostSplit.BY_POPULATION, Map.of(),
                Map.of(CHORLEY, 0L), List.of()));
    }

    private static Map<UUID, Long> pence(BusinessCase businessCase) {
        Map<UUID, Long> parts = new java.util.HashMap<>();
        businessCase.costShares().forEach(s -> parts.put(s.authorityId(), s.pence()));
        return parts;
    }

    private static Participation threeCouncils() {
        return new Participation(CHORLEY, List.of(
                new Participant(SOUTH_RIBBLE, ParticipantRole.PROSPECTIVE_HOST, ParticipantStatus.COMMITTED, true),
                new Participant(PRESTON, ParticipantRole.PROSPECTIVE_RECIPIENT, ParticipantStatus.COMMITTED, true)));
    }

    private static BusinessCase businessCase(BusinessCase.CostSplit split, Map<UUID, Integer> shares, Map<UUID, Long> populations,
                                             List<BusinessCase.Saving> savings) {
        return new BusinessCase(500_000, 3_000_000, split, shares, populations, 1_000_000, savings, List.of(), List.of(),
                false, null, null, List.of());
    }
}
