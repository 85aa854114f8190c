package io.concordat.tenants.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MembershipPeriodTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

    @Test
    void aMembershipStartsTodayUnlessADayIsGiven() {
        assertEquals(TODAY, MembershipPeriod.joining(null, TODAY, List.of()));
        assertEquals(LocalDate.of(2010, 4, 1), MembershipPeriod.joining(LocalDate.of(2010, 4, 1), TODAY, List.of()));
    }

    @Test
    void aCouncilMayRejoinOnTheDayItLeftButNotInsideAnEarlierPeriod() {
        List<MembershipPeriod> left = List.of(new MembershipPeriod(LocalDate.of(2010, 4, 1), TODAY));
        assertEquals(TODAY, MembershipPeriod.joining(null, TODAY, left));
        assertThrows(LifecycleException.class, () -> MembershipPeriod.joining(LocalDate.of(2015, 1, 1), TODAY, left));
        assertThrows(LifecycleException.class, () -> MembershipPeriod.joining(null, TODAY,
                List.of(new MembershipPeriod(LocalDate.of(2010, 4, 1), null))));
    }

    @Test
    void membershipDatesAreNeitherInTheFutureNorImplausiblyEarly() {
        assertThrows(InvalidRegistrationException.class, () -> MembershipPeriod.joining(TODAY.plusDays(1), TODAY, List.of()));
        assertThrows(InvalidRegistrationException.class,
                () -> MembershipPeriod.joining(MembershipPeriod.EARLIEST.minusDays(1), TODAY, List.of()));
        MembershipPeriod current = new MembershipPeriod(LocalDate.of(2010, 4, 1), null);
        assertThrows(InvalidRegistrationException.class, () -> current.leaving(TODAY.plusDays(1), TODAY));
        assertThrows(InvalidRegistrationException.class, () -> current.leaving(LocalDate.of(2010, 3, 31), TODAY));
        assertEquals(LocalDate.of(2018, 4, 1), current.leaving(LocalDate.of(2018, 4, 1), TODAY));
    }

    @Test
    void aPeriodCoversItsFirstDayAndNotTheDayItEnded() {
        MembershipPeriod period = new MembershipPeriod(LocalDate.of(2010, 4, 1), LocalDate.of(2018, 4, 1));
        assertTrue(period.covers(LocalDate.of(2010, 4, 1)));
        assertTrue(period.covers(LocalDate.of(2018, 3, 31)));
        assertFalse(period.covers(LocalDate.of(2018, 4, 1)));
        assertFalse(period.covers(LocalDate.of(2010, 3, 31)));
    }
}
