package io.concordat.portal.web;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a person typed into a form, read field by field; each problem is kept against its field
 * (in the form's order) with its message, for the GOV.UK error summary.
 */
final class FormInput {

    private final Map<String, String> form;
    private final Map<String, String> errors = new LinkedHashMap<>();
    private final Pages pages;

    FormInput(Map<String, String> form, Pages pages) {
        this.form = form == null ? Map.of() : form;
        this.pages = pages;
    }

    Map<String, String> values() {
        Map<String, String> kept = new LinkedHashMap<>(form);
        kept.remove(Forms.CSRF_FIELD);
        return kept;
    }

    Map<String, String> errors() {
        return errors;
    }

    boolean valid() {
        return errors.isEmpty();
    }

    void error(String field, String key, Object... args) {
        errors.putIfAbsent(field, pages.text(key, args));
    }

    String text(String field) {
        String v = form.get(field);
        return v == null || v.isBlank() ? null : v.strip();
    }

    String required(String field, String missingKey) {
        String v = text(field);
        if (v == null) {
            error(field, missingKey);
        }
        return v;
    }

    String choice(String field, List<String> allowed, String missingKey) {
        String v = text(field);
        if (v == null || !allowed.contains(v)) {
            error(field, missingKey);
            return null;
        }
        return v;
    }

    /** Pounds and pence as typed ("12,500" or "£1,250.50"), in pence; blank is zero. */
    long pence(String field, String invalidKey) {
        String v = text(field);
        if (v == null) {
            return 0;
        }
        try {
            BigDecimal pounds = new BigDecimal(v.replace("£", "").replace(",", "").strip());
            if (pounds.signum() < 0 || pounds.scale() > 2 || pounds.compareTo(new BigDecimal("1000000000")) > 0) {
                throw new NumberFormatException();
            }
            return pounds.movePointRight(2).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            error(field, invalidKey);
            return 0;
        }
    }

    Integer whole(String field, int min, int max, String invalidKey) {
        String v = text(field);
        try {
            int n = Integer.parseInt(v == null ? "" : v);
            if (n < min || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            error(field, invalidKey);
            return null;
        }
    }

    /** A GOV.UK date input: {field}-day, {field}-month, {field}-year. */
    LocalDate date(String field, String invalidKey) {
        String d = text(field + "-day");
        String m = text(field + "-month");
        String y = text(field + "-year");
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(y == null ? "" : y), Integer.parseInt(m == null ? "" : m),
                    Integer.parseInt(d == null ? "" : d));
            if (date.getYear() < 1900 || date.getYear() > 2200) {
                throw new DateTimeException("out of range");
            }
            return date;
        } catch (NumberFormatException | DateTimeException e) {
            error(field + "-day", invalidKey);
            return null;
        }
    }
}
