package io.concordat.reporting.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Rows of the paged lists behind a dashboard's counts. */
public final class Listing {

    private Listing() {
    }

    /** Filters for a list; null means any. Codes are checked for form before they reach SQL. */
    public record Filters(String stage, String theme, String serviceArea, String model, String horizon, String status,
                          UUID authorityId) {
    }

    /** A shared arrangement with its host and current recipients by name. */
    public record Arrangement(UUID arrangementId, String title, String serviceArea, String serviceAreaName, String theme,
                              UUID hostAuthorityId, String hostName, List<String> recipientNames, String basis,
                              String status, LocalDate startsOn, LocalDate endsOn) {
    }

    public record Opportunity(UUID opportunityId, String title, UUID authorityId, String authorityName,
                              String serviceArea, String theme, String model, String horizon, String stage,
                              Instant proposedAt, Instant stageChangedAt) {
    }
}
