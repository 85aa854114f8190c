package io.concordat.events;

import java.time.LocalDate;
import java.time.Month;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The period an indicator reading reports, as councils report: a financial year (1 April to
 * 31 March, written {@code 2026/27}), a quarter of one ({@code 2026/27 Q2}; Q1 is April to June),
 * or a calendar month ({@code 2026-09}). Every service reads periods here, so a label means the
 * same days everywhere; {@link #label()} is the one way it is written back.
 *
 * <p>A period lies within the days the platform reports on, {@link #EARLIEST} to {@link #LATEST}
 * (financial years 1990/91 to 2099/00).
 *
 * @param kind     a financial year, a quarter of one, or a month
 * @param firstDay the period's first day: 1 April for a year, the first of April, July, October
 *                 or January for a quarter, the first of the month for a month
 */
public record ReportingPeriod(Kind kind, LocalDate firstDay) {

    /** The first day the platform reports on: the start of financial year 1990/91. */
    public static final LocalDate EARLIEST = LocalDate.of(1990, 4, 1);
    /** The last day the platform reports on: the end of financial year 2099/00. */
    public static final LocalDate LATEST = LocalDate.of(2100, 3, 31);

    /** What a period may be, in words, for answers that refuse one. */
    public static final String ACCEPTED_FORMS = "a financial year such as 2026/27, a quarter of one such as 2026/27 Q2 "
            + "(Q1 is April to June), or a calendar month such as 2026-09";

    // A financial year's start and end are given in full and in two digits, so "2011-12" is only ever
    // December 2011: years are written with a slash, months with a hyphen.
    private static final Pattern YEAR_OR_QUARTER = Pattern.compile("(\\d{4})/(\\d{2})(?:[ -]?[Qq]([1-4]))?");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");

    /** A financial year, a quarter of one, or a calendar month. */
    public enum Kind { FINANCIAL_YEAR, FINANCIAL_QUARTER, MONTH }

    public ReportingPeriod {
        if (kind == null || firstDay == null || firstDay.getDayOfMonth() != 1) {
            throw new IllegalArgumentException("a period starts on the first of a month");
        }
        if (kind == Kind.FINANCIAL_YEAR && firstDay.getMonth() != Month.APRIL
            || kind == Kind.FINANCIAL_QUARTER && (firstDay.getMonthValue() - 1) % 3 != 0) {
            throw new IllegalArgumentException("a " + kind + " does not start on " + firstDay);
        }
        if (firstDay.isBefore(EARLIEST) || end(kind, firstDay).isAfter(LATEST)) {
            throw new IllegalArgumentException("a period lies between " + EARLIEST + " and " + LATEST);
        }
    }

    /**
     * Reads a period written in one of the {@link #ACCEPTED_FORMS}; surrounding spaces, a lower-case
     * {@code q} and {@code 2026/27Q2} or {@code 2026/27-Q2} are forgiven.
     *
     * @throws IllegalArgumentException when the text is none of them, or lies outside the days reported on
     */
    public static ReportingPeriod parse(String text) {
        return read(text).orElseThrow(() -> new IllegalArgumentException("'" + text + "' is not a period: use "
                + ACCEPTED_FORMS + ", from " + new ReportingPeriod(Kind.FINANCIAL_YEAR, EARLIEST).label() + " to "
                + new ReportingPeriod(Kind.FINANCIAL_YEAR, LATEST.minusYears(1).plusDays(1)).label() + "."));
    }

    /** As {@link #parse}, empty when the text is not a period (e.g. a label written before periods were typed). */
    public static Optional<ReportingPeriod> read(String text) {
        String t = text == null ? "" : text.strip();
        Matcher y = YEAR_OR_QUARTER.matcher(t);
        Matcher m = MONTH.matcher(t);
        int start;
        LocalDate first;
        Kind kind;
        if (y.matches()) {
            start = Integer.parseInt(y.group(1));
            if ((start + 1) % 100 != Integer.parseInt(y.group(2))) {
                return Optional.empty();
            }
            kind = y.group(3) == null ? Kind.FINANCIAL_YEAR : Kind.FINANCIAL_QUARTER;
            first = LocalDate.of(start, 4, 1).plusMonths(y.group(3) == null ? 0 : 3L * (Integer.parseInt(y.group(3)) - 1));
        } else if (m.matches()) {
            int month = Integer.parseInt(m.group(2));
            if (month < 1 || month > 12) {
                return Optional.empty();
            }
            kind = Kind.MONTH;
            first = LocalDate.of(Integer.parseInt(m.group(1)), month, 1);
        } else {
            return Optional.empty();
        }
        if (first.isBefore(EARLIEST) || end(kind, first).isAfter(LATEST)) {
            return Optional.empty();
        }
        return Optional.of(new ReportingPeriod(kind, first));
    }

    public LocalDate lastDay() {
        return end(kind, firstDay);
    }

    /** Whether a day is one the platform reports on: from {@link #EARLIEST} to {@link #LATEST}. */
    public static boolean reportsOn(LocalDate day) {
        return !day.isBefore(EARLIEST) && !day.isAfter(LATEST);
    }

    /** "2026/27", "2026/27 Q2" or "2026-09". */
    public String label() {
        int startYear = firstDay.getMonthValue() >= 4 ? firstDay.getYear() : firstDay.getYear() - 1;
        String year = "%d/%02d".formatted(startYear, (startYear + 1) % 100);
        return switch (kind) {
            case FINANCIAL_YEAR -> year;
            case FINANCIAL_QUARTER -> year + " Q" + ((firstDay.getMonthValue() + 8) % 12 / 3 + 1);
            case MONTH -> "%d-%02d".formatted(firstDay.getYear(), firstDay.getMonthValue());
        };
    }

    @Override
    public String toString() {
        return label();
    }

    private static LocalDate end(Kind kind, LocalDate first) {
        return first.plusMonths(switch (kind) {
            case FINANCIAL_YEAR -> 12;
            case FINANCIAL_QUARTER -> 3;
            case MONTH -> 1;
        }).minusDays(1);
    }
}
