package io.concordat.reporting.api;

import io.concordat.reporting.domain.OpenData;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.time.LocalDate;

/** A shared service in a region's open data, named by the columns of {@link OpenData#ARRANGEMENT_COLUMNS}. */
@Serdeable(naming = SnakeCaseStrategy.class)
public record OpenArrangementView(String arrangementId, String title, String serviceAreaCode, String serviceArea,
                                  String theme, String hostName, @Nullable String hostGssCode, String recipientNames,
                                  String recipientGssCodes, String basis, String status, @Nullable LocalDate startsOn,
                                  @Nullable LocalDate endsOn, @Nullable LocalDate agreedOn, @Nullable LocalDate exitOn,
                                  @Nullable String terminationReason) {

    static OpenArrangementView of(OpenData.Arrangement a) {
        return new OpenArrangementView(a.arrangementId(), a.title(), a.serviceAreaCode(), a.serviceArea(), a.theme(),
                a.hostName(), a.hostGssCode(), a.recipientNames(), a.recipientGssCodes(), a.basis(), a.status(),
                a.startsOn(), a.endsOn(), a.agreedOn(), a.exitOn(), a.terminationReason());
    }
}
