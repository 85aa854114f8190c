package io.concordat.reporting.domain;

import io.concordat.events.ReportingPeriod;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A quarter of a council's financial year, which runs from 1 April to 31 March: Q1 is April to
 * June. Written {@code 2026-27} and {@code Q2} in addresses, "2026/27" in the figures; from 1990/91
 * to 2099/00, the financial years the platform reports on.
 */
public record FinancialQuarter(int startYear, int quarter) {

    private static final Pattern YEAR = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern QUARTER = Pattern.compile("[Qq]([1-4])");

    public FinancialQuarter {
        if (startYear < ReportingPeriod.EARLIEST.getYear() || startYear >= ReportingPeriod.LATEST.getYear()
            || quarter < 1 || quarter > 4) {
            throw new IllegalArgumentException("no such financial quarter: " + startYear + " Q" + quarter);
        }
    }

    /**
     * @throws IllegalArgumentException when the year is not like {@code 2026-27} or the quarter not Q1 to Q4
     */
    public static FinancialQuarter parse(String year, String quarter) {
        Matcher y = YEAR.matcher(year == null ? "" : year.strip());
        Matcher q = QUARTER.matcher(quarter == null ? "" : quarter.strip());
        if (!y.matches() || !q.matches()) {
            throw new IllegalArgumentException("a financial quarter is written like 2026-27 and Q2");
        }
        int start = Integer.parseInt(y.group(1));
        if (Integer.parseInt(y.group(2)) != (start + 1) % 100) {
            throw new IllegalArgumentException("a financial year runs into the next calendar year, e.g. 2026-27");
        }
        return new FinancialQuarter(start, Integer.parseInt(q.group(1)));
    }

    public LocalDate firstDay() {
        return LocalDate.of(startYear, 4, 1).plusMonths(3L * (quarter - 1));
    }

    public LocalDate lastDay() {
        return firstDay().plusMonths(3).minusDays(1);
    }

    /** "2026/27", as savings are recorded. */
    public String financialYear() {
        return "%d/%02d".formatted(startYear, (startYear + 1) % 100);
    }

    /** "Quarter 2, 2026/27 (July to September 2026)". */
    public String title() {
        return "Quarter %d, %s (%s to %s %d)".formatted(quarter, financialYear(),
                firstDay().getMonth().getDisplayName(TextStyle.FULL, Locale.UK),
                lastDay().getMonth().getDisplayName(TextStyle.FULL, Locale.UK), lastDay().getYear());
    }
}
