package io.concordat.partnerevents.domain;

import java.time.LocalDate;

/** Days {@code [from, until)}; an open period has no end yet. */
public record Period(LocalDate from, LocalDate until) {

    public boolean covers(LocalDate day) {
        return !day.isBefore(from) && (until == null || day.isBefore(until));
    }
}
