package io.concordat.reporting.api;

import io.concordat.reporting.domain.OpenData;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.math.BigDecimal;

/** One council's saving in one year in a region's open data, named by the columns of {@link OpenData#SAVINGS_COLUMNS}. */
@Serdeable(naming = SnakeCaseStrategy.class)
public record OpenSavingView(String arrangementId, String arrangementTitle, String serviceAreaCode, String authorityName,
                             @Nullable String authorityGssCode, String financialYear, @Nullable BigDecimal baselineGbp,
                             @Nullable BigDecimal costGbp, @Nullable BigDecimal savingGbp) {

    static OpenSavingView of(OpenData.Saving s) {
        return new OpenSavingView(s.arrangementId(), s.arrangementTitle(), s.serviceAreaCode(), s.authorityName(),
                s.authorityGssCode(), s.financialYear(), s.baselineGbp(), s.costGbp(), s.savingGbp());
    }
}
