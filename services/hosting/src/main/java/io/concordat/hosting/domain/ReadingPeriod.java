package io.concordat.hosting.domain;

import io.concordat.events.ReportingPeriod;

/**
 * The period an indicator reading reports, read by the platform's one {@link ReportingPeriod}:
 * a financial year, a quarter of one, or a month. Anything else breaks a rule that names the field.
 */
public final class ReadingPeriod {

    private ReadingPeriod() {
    }

    /**
     * @param field the request field or parameter the text came from, named in the refusal
     * @throws HostingRuleException {@code invalid-period} when the text is not a period
     */
    public static ReportingPeriod parse(String text, String field) {
        return ReportingPeriod.read(text).orElseThrow(() -> new HostingRuleException("invalid-period",
                "The " + field + " '" + text + "' is not a period: use " + ReportingPeriod.ACCEPTED_FORMS
                + ", within the financial years 1990/91 to 2099/00."));
    }
}
