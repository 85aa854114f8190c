package io.concordat.reporting.domain;

import io.concordat.events.ReportingPeriod;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The days an indicator reading reports, and the day reports file it under: the last day of its
 * period, so a reading entered long after its quarter (back-filled) counts in that quarter. An event
 * without the period's days (published before periods were typed) is read by its label when that is
 * a period; otherwise the reading is filed under the UK day it was reported.
 *
 * @param firstDay the period's first day; null when the label is not a period
 * @param lastDay  the period's last day; null when the label is not a period
 * @param filedOn  the day reports file the reading under
 */
public record ReportedPeriod(LocalDate firstDay, LocalDate lastDay, LocalDate filedOn) {

    private static final ZoneId UK = ZoneId.of("Europe/London");

    public static ReportedPeriod of(String label, LocalDate firstDay, LocalDate lastDay, Instant reportedAt) {
        if (firstDay != null && lastDay != null) {
            return new ReportedPeriod(firstDay, lastDay, lastDay);
        }
        return ReportingPeriod.read(label).map(p -> new ReportedPeriod(p.firstDay(), p.lastDay(), p.lastDay()))
                .orElseGet(() -> new ReportedPeriod(null, null, LocalDate.ofInstant(reportedAt, UK)));
    }
}
