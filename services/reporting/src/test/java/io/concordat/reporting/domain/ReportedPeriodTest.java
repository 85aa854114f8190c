package io.concordat.reporting.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ReportedPeriodTest {

    private static final Instant TODAY = Instant.parse("2026-11-29T10:00:00Z");

    @Test
    void aReadingIsFiledUnderTheLastDayOfThePeriodItReportsNotWhenItWasEntered() {
        assertEquals(new ReportedPeriod(LocalDate.of(2009, 10, 1), LocalDate.of(2009, 12, 31), LocalDate.of(2009, 12, 31)),
                ReportedPeriod.of("2009/10 Q3", LocalDate.of(2009, 10, 1), LocalDate.of(2009, 12, 31), TODAY));
    }

    @Test
    void anOldEventWithoutDaysIsReadByItsLabelWhenThatIsAPeriod() {
        assertEquals(new ReportedPeriod(LocalDate.of(2009, 4, 1), LocalDate.of(2010, 3, 31), LocalDate.of(2010, 3, 31)),
                ReportedPeriod.of("2009/10", null, null, TODAY));
    }

    @Test
    void anOldEventWhoseLabelIsNotAPeriodIsFiledUnderTheUkDayItWasReported() {
        assertEquals(new ReportedPeriod(null, null, LocalDate.of(2010, 7, 1)),
                ReportedPeriod.of("2010-Q1", null, null, Instant.parse("2010-06-30T23:30:00Z")), "British Summer Time");
    }
}
