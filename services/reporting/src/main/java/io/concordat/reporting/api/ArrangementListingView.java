package io.concordat.reporting.api;

import io.concordat.reporting.domain.Listing;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A shared arrangement in a region's list, with its host and current recipients by name. */
@Serdeable
public record ArrangementListingView(UUID arrangementId, String title, String serviceArea, String serviceAreaName,
                                     String theme, UUID hostAuthorityId, String hostName, List<String> recipientNames,
                                     String basis, String status, LocalDate startsOn, LocalDate endsOn) {

    static ArrangementListingView of(Listing.Arrangement a) {
        return new ArrangementListingView(a.arrangementId(), a.title(), a.serviceArea(), a.serviceAreaName(), a.theme(),
                a.hostAuthorityId(), a.hostName(), a.recipientNames(), a.basis(), a.status(), a.startsOn(), a.endsOn());
    }
}
