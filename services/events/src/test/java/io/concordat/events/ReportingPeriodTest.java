package io.concordat.events;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportingPeriodTest {

    @Test
    void aFinancialYearRunsFromTheFirstOfAprilToTheLastOfMarch() {
        ReportingPeriod year = ReportingPeriod.parse("2026/27");
        assertEquals(ReportingPeriod.Kind.FINANCIAL_YEAR, year.kind());
        assertEquals(LocalDate.of(2026, 4, 1), year.firstDay());
        assertEquals(LocalDate.of(2027, 3, 31), year.lastDay());
        assertEquals("2026/27", year.label());
    }

    @Test
    void quarterOneIsAprilToJuneAndQuarterFourIsJanuaryToMarchOfTheNextCalendarYear() {
        assertEquals(List.of(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 6, 30)), days("2026/27 Q1"));
        assertEquals(List.of(LocalDate.of(2026, 7, 1), LocalDate.of(2026, 9, 30)), days("2026/27 Q2"));
        assertEquals(List.of(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 12, 31)), days("2026/27 Q3"));
        assertEquals(List.of(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 3, 31)), days("2026/27 Q4"));
        assertEquals(ReportingPeriod.Kind.FINANCIAL_QUARTER, ReportingPeriod.parse("2026/27 Q4").kind());
    }

    @Test
    void aMonthIsACalendarMonthToItsLastDay() {
        assertEquals(List.of(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 30)), days("2026-09"));
        assertEquals(List.of(LocalDate.of(2028, 2, 1), LocalDate.of(2028, 2, 29)), days("2028-02"));
        assertEquals(ReportingPeriod.Kind.MONTH, ReportingPeriod.parse("2026-09").kind());
    }

    @Test
    void spacesCaseAndTheQuartersSeparatorAreForgivenAndTheLabelIsWrittenOneWay() {
        for (String written : List.of(" 2026/27 Q2 ", "2026/27 q2", "2026/27Q2", "2026/27-Q2")) {
            assertEquals("2026/27 Q2", ReportingPeriod.parse(written).label(), written);
        }
        assertEquals("2099/00", ReportingPeriod.parse("2099/00").label(), "the year 2100 ends in 00");
    }

    @Test
    void aHyphenatedPairIsAlwaysAMonthNeverAFinancialYear() {
        assertEquals(ReportingPeriod.Kind.MONTH, ReportingPeriod.parse("2011-12").kind(), "December 2011");
        assertTrue(ReportingPeriod.read("2026-27").isEmpty(), "no 27th month");
    }

    @Test
    void anythingElseIsRefusedNamingTheAcceptedForms() {
        for (String text : List.of("", "2026", "2026-Q1", "Q2 2026/27", "2026/28", "2026/27 Q5", "2026-13", "2026-00",
                "September 2026", "2026/27 Q2 provisional")) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> ReportingPeriod.parse(text), text);
            assertTrue(refused.getMessage().contains(ReportingPeriod.ACCEPTED_FORMS), refused.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> ReportingPeriod.parse(null));
    }

    @Test
    void aPeriodLiesWithinTheFinancialYears1990To2099() {
        assertEquals(ReportingPeriod.EARLIEST, ReportingPeriod.parse("1990/91 Q1").firstDay());
        assertEquals(ReportingPeriod.LATEST, ReportingPeriod.parse("2100-03").lastDay());
        for (String text : List.of("1989/90", "1990-03", "2100/01", "2100-04", "9999-12")) {
            assertTrue(ReportingPeriod.read(text).isEmpty(), text);
        }
        assertTrue(ReportingPeriod.reportsOn(LocalDate.of(1990, 4, 1)) && ReportingPeriod.reportsOn(LocalDate.of(2100, 3, 31)));
        assertTrue(!ReportingPeriod.reportsOn(LocalDate.of(1990, 3, 31)) && !ReportingPeriod.reportsOn(LocalDate.of(2100, 4, 1)));
    }

    @Test
    void aPeriodStartsWhereItsKindStarts() {
        assertThrows(IllegalArgumentException.class,
                () -> new ReportingPeriod(ReportingPeriod.Kind.FINANCIAL_YEAR, LocalDate.of(2026, 1, 1)));
        assertThrows(IllegalArgumentException.class,
                () -> new ReportingPeriod(ReportingPeriod.Kind.FINANCIAL_QUARTER, LocalDate.of(2026, 5, 1)));
        assertThrows(IllegalArgumentException.class,
                () -> new ReportingPeriod(ReportingPeriod.Kind.MONTH, LocalDate.of(2026, 5, 2)));
    }

    private static List<LocalDate> days(String text) {
        ReportingPeriod period = ReportingPeriod.parse(text);
        return List.of(period.firstDay(), period.lastDay());
    }
}
