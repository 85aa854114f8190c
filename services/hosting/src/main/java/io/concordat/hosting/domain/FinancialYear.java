package io.concordat.hosting.domain;

import java.time.LocalDate;
import java.util.regex.Pattern;

/** A UK local government financial year, 1 April to 31 March, written "2026/27". */
public record FinancialYear(int startYear) {

    private static final Pattern FORM = Pattern.compile("(\\d{4})/(\\d{2})");

    public static FinancialYear of(LocalDate day) {
        return new FinancialYear(day.getMonthValue() >= 4 ? day.getYear() : day.getYear() - 1);
    }

    /**
     * @throws HostingRuleException when the text is not a financial year such as 2026/27
     */
    public static FinancialYear parse(String text) {
        var m = FORM.matcher(text == null ? "" : text.strip());
        if (!m.matches() || (Integer.parseInt(m.group(1)) + 1) % 100 != Integer.parseInt(m.group(2))) {
            throw new HostingRuleException("malformed-financial-year", "'" + text + "' is not a financial year such as 2026/27.");
        }
        return new FinancialYear(Integer.parseInt(m.group(1)));
    }

    public LocalDate firstDay() {
        return LocalDate.of(startYear, 4, 1);
    }

    public LocalDate lastDay() {
        return LocalDate.of(startYear + 1, 3, 31);
    }

    /** Whether any day from {@code from} to {@code to} (open-ended when null) falls in the year. */
    public boolean overlaps(LocalDate from, LocalDate to) {
        return !from.isAfter(lastDay()) && (to == null || !to.isBefore(firstDay()));
    }

    @Override
    public String toString() {
        return startYear + "/" + String.format("%02d", (startYear + 1) % 100);
    }
}
