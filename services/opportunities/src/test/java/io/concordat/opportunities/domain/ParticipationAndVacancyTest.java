package io.concordat.opportunities.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParticipationAndVacancyTest {

    private static final UUID CHORLEY = UUID.randomUUID();
    private static final UUID BOLTON = UUID.randomUUID();
    private static final LocalDate TODAY = LocalDate.of(2026, 5, 1);

    @Test
    void theProposerMayTakeUpARealRoleButStaysCommittedAndAccepted() {
        Participation participation = new Participation(CHORLEY, List.of(
                new Participant(CHORLEY, ParticipantRole.PROPOSER, ParticipantStatus.COMMITTED, true)));

        Participant recipient = participation.join(CHORLEY, ParticipantRole.PROSPECTIVE_RECIPIENT, ParticipantStatus.COMMITTED);

        assertEquals(new Participant(CHORLEY, ParticipantRole.PROSPECTIVE_RECIPIENT, ParticipantStatus.COMMITTED, true), recipient);
        assertEquals(OpportunityRuleException.Kind.CONFLICT, assertThrows(OpportunityRuleException.class,
                () -> participation.join(CHORLEY, ParticipantRole.PROSPECTIVE_HOST, ParticipantStatus.WITHDRAWN)).kind());
        assertThrows(InvalidOpportunityException.class,
                () -> participation.join(CHORLEY, ParticipantRole.INTERESTED, ParticipantStatus.COMMITTED));
        assertThrows(InvalidOpportunityException.class,
                () -> participation.join(BOLTON, ParticipantRole.PROPOSER, ParticipantStatus.COMMITTED));
        assertFalse(participation.join(BOLTON, ParticipantRole.PROSPECTIVE_HOST, ParticipantStatus.COMMITTED).accepted(),
                "another council counts once the proposer accepts it");
    }

    @Test
    void aVacancyIsRecruitingOnlyWhileOpenAndUntilItsClosingDay() {
        Vacancy vacancy = Vacancy.post(CHORLEY, "Elections Manager", "support.elections", "M2", TODAY, TODAY, Instant.now());

        assertTrue(vacancy.isOpenOn(TODAY));
        assertFalse(vacancy.isOpenOn(TODAY.plusDays(1)), "its closing date has passed");
        assertFalse(vacancy.close(VacancyStatus.FILLED, CHORLEY, TODAY).isOpenOn(TODAY));
    }

    @Test
    void onlyTheCouncilWhosePostItIsClosesAVacancyAndOnlyOnce() {
        Vacancy vacancy = Vacancy.post(CHORLEY, "Elections Manager", "support.elections", "M2", TODAY, TODAY, Instant.now());

        assertEquals(OpportunityRuleException.Kind.NOT_ALLOWED, assertThrows(OpportunityRuleException.class,
                () -> vacancy.close(VacancyStatus.WITHDRAWN, BOLTON, TODAY)).kind());
        Vacancy withdrawn = vacancy.close(VacancyStatus.WITHDRAWN, CHORLEY, TODAY);
        assertEquals("vacancy-closed", assertThrows(OpportunityRuleException.class,
                () -> withdrawn.close(VacancyStatus.FILLED, CHORLEY, TODAY)).rule());
        assertThrows(InvalidOpportunityException.class, () -> vacancy.close(VacancyStatus.OPEN, CHORLEY, TODAY));
        UUID opportunity = UUID.randomUUID();
        Vacancy opened = vacancy.openedAsOpportunity(opportunity, CHORLEY, TODAY);
        assertEquals(VacancyStatus.OPPORTUNITY_OPENED, opened.status());
        assertEquals(opportunity, opened.opportunityId());
        assertEquals("opportunity-already-open", assertThrows(OpportunityRuleException.class,
                () -> opened.openedAsOpportunity(UUID.randomUUID(), CHORLEY, TODAY)).rule());
    }
}
