package io.concordat.kit.input;

import io.concordat.kit.problem.ProblemException;
import io.micronaut.http.HttpStatus;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules every value a client sends must keep, whatever the endpoint: text is valid Unicode
 * without control characters, trimmed and bounded; a short text (a name, a title, a code) is one
 * line without bidirectional controls; dates, financial years and numbers stay within what the
 * platform and its columns can hold. A broken rule is a 400 problem naming the field.
 */
public final class InputRules {

    /** Text declared longer than this (with {@code @Size}) is free text: several lines, any script direction. */
    public static final int SHORT_TEXT_MAX = 500;
    /** The bound of a text field that declares none. */
    public static final int DEFAULT_TEXT_MAX = SHORT_TEXT_MAX;
    public static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST_DATE = LocalDate.of(2200, 12, 31);
    public static final int EARLIEST_FINANCIAL_YEAR = 1990;
    public static final int LATEST_FINANCIAL_YEAR = 2100;
    /** Whole numbers a client sends (counts, months, percentages) stay well inside a 32-bit column. */
    public static final long INTEGER_BOUND = 1_000_000_000L;
    /** Money in pence and other longs: ten trillion pounds, so that sums of them cannot overflow. */
    public static final long LONG_BOUND = 1_000_000_000_000_000L;
    /** Decimals (margins, targets, readings): twelve integer digits, six decimal places. */
    public static final BigDecimal DECIMAL_BOUND = new BigDecimal("1000000000000");
    public static final int DECIMAL_SCALE = 6;

    private static final Pattern FINANCIAL_YEAR = Pattern.compile("(\\d{4})/(\\d{2})");

    private InputRules() {
    }

    /**
     * The text as it is to be stored: stripped of surrounding white space.
     *
     * @param max the field's declared bound, or 0 for none
     */
    public static String text(String field, String value, int max) {
        int bound = max > 0 ? max : DEFAULT_TEXT_MAX;
        boolean freeText = bound > SHORT_TEXT_MAX;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c) || c == '\uFFFE' || c == '\uFFFF') {
                throw invalid(field, "not-unicode", "is not valid Unicode text");
            } else if (c == 0) {
                throw invalid(field, "control-character", "contains a NUL character");
            } else if (isControl(c) && !(freeText && (c == '\n' || c == '\t' || c == '\r'))) {
                throw invalid(field, "control-character", "contains a control character (U+" + hex(c) + ")"
                        + (freeText ? "" : "; it must be a single line"));
            } else if (!freeText && isBidiControl(c)) {
                throw invalid(field, "bidi-control", "contains a bidirectional control character (U+" + hex(c) + ")");
            }
        }
        String stripped = value.strip();
        if (stripped.codePointCount(0, stripped.length()) > bound) {
            throw invalid(field, "too-long", "is longer than " + bound + " characters");
        }
        return stripped;
    }

    public static LocalDate date(String field, LocalDate value) {
        if (value.isBefore(EARLIEST_DATE) || value.isAfter(LATEST_DATE)) {
            throw invalid(field, "date-out-of-range", "must be between " + EARLIEST_DATE + " and " + LATEST_DATE);
        }
        return value;
    }

    /** A financial year written as {@code 2024/25}, between 1990/91 and 2100/01. */
    public static String financialYear(String field, String value) {
        Matcher m = FINANCIAL_YEAR.matcher(value);
        int start = m.matches() ? Integer.parseInt(m.group(1)) : -1;
        if (start < EARLIEST_FINANCIAL_YEAR || start > LATEST_FINANCIAL_YEAR
                || Integer.parseInt(m.group(2)) != (start + 1) % 100) {
            throw invalid(field, "financial-year-out-of-range", "must be a financial year such as 2024/25, between "
                    + EARLIEST_FINANCIAL_YEAR + "/91 and " + LATEST_FINANCIAL_YEAR + "/01");
        }
        return value;
    }

    public static long integer(String field, long value, long bound) {
        if (value > bound || value < -bound) {
            throw invalid(field, "number-out-of-range", "must be between -" + bound + " and " + bound);
        }
        return value;
    }

    public static BigDecimal decimal(String field, BigDecimal value) {
        if (value.abs().compareTo(DECIMAL_BOUND) >= 0 || value.stripTrailingZeros().scale() > DECIMAL_SCALE) {
            throw invalid(field, "number-out-of-range", "must be below " + DECIMAL_BOUND.toPlainString()
                    + " with at most " + DECIMAL_SCALE + " decimal places");
        }
        return value;
    }

    public static ProblemException nullElement(String field) {
        return invalid(field, "null-element", "must not contain null");
    }

    static ProblemException invalid(String field, String rule, String what) {
        return new ProblemException(HttpStatus.BAD_REQUEST, rule, "The request is not valid", field + " " + what + ".",
                Map.of("field", field));
    }

    /** C0 and C1 controls, DEL, and the line and paragraph separators. */
    static boolean isControl(char c) {
        return Character.getType(c) == Character.CONTROL || c == '\u2028' || c == '\u2029';
    }

    /** The embeddings, overrides and isolates that can make a name display as something it is not. */
    static boolean isBidiControl(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069') || c == '\u200E' || c == '\u200F'
                || c == '\u061C';
    }

    private static String hex(char c) {
        return String.format("%04X", (int) c);
    }
}
