package io.concordat.opportunities.domain;

import io.concordat.events.ServiceArea;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class OpportunityTest {

    private static final UUID BROMSGROVE = UUID.randomUUID();
    private static final Instant NOW = Instant.parse("2026-04-02T14:05:00Z");

    @Test
    void aProposalStartsAsAnIdeaInAKnownServiceArea() {
        Opportunity opportunity = Opportunity.propose(BROMSGROVE, "  Shared elections service ", "support.elections",
                "  ", null, null, null, "someone", NOW);
        assertEquals(Stage.IDEA, opportunity.stage());
        assertEquals(ServiceArea.ELECTIONS, opportunity.serviceArea());
        assertEquals("Shared elections service", opportunity.title());
        assertNull(opportunity.description(), "a blank description is no description");
    }

    @Test
    void anUnknownServiceAreaIsRefusedByName() {
        InvalidOpportunityException e = assertThrows(InvalidOpportunityException.class,
                () -> Opportunity.propose(BROMSGROVE, "Title", "support.astrology", null, null, null, null, "someone", NOW));
        assertEquals("unknown-service-area", e.rule());
    }

    @Test
    void aTitleIsRequiredAndBounded() {
        assertEquals("title-required", assertThrows(InvalidOpportunityException.class,
                () -> Opportunity.propose(BROMSGROVE, " ", "support.hr", null, null, null, null, "someone", NOW)).rule());
        assertEquals("title-too-long", assertThrows(InvalidOpportunityException.class,
                () -> Opportunity.propose(BROMSGROVE, "t".repeat(Opportunity.MAX_TITLE + 1), "support.hr", null, null, null, null, "someone",
                        NOW)).rule());
    }

    @Test
    void serviceAreaCodesAreUniqueAndFoundByCode() {
        for (ServiceArea area : ServiceArea.values()) {
            assertEquals(area, ServiceArea.byCode(area.code()).orElseThrow());
        }
    }
}
