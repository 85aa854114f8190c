package io.concordat.opportunities.api;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** One of the caller's open vacancies and the councils that might share it. */
@Serdeable
public record VacancyMatchView(VacancyView vacancy, List<PartnerView> partners) {
}
