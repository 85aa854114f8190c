package io.concordat.events.opportunities.v1;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An authority posted a vacant post that others in its regions might share. */
@Serdeable
public record VacancyPosted(UUID vacancyId, UUID authorityId, String title, String serviceArea, String grade,
                            LocalDate closingDate, Instant postedAt) {
}
