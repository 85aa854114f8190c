package io.concordat.hosting.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.util.UUID;

@Serdeable
public record RatingView(UUID authorityId, String name, @Nullable BigDecimal target, @Nullable BigDecimal reading,
                         String rating) {
}
