package io.concordat.hosting.api;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.UUID;

/** An indicator's rating for each recipient in a period: GREEN, AMBER, RED or MISSING. */
@Serdeable
public record IndicatorRatingsView(UUID id, String name, String unit, String direction, String period,
                                   List<RatingView> recipients) {
}
