package io.concordat.reporting.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What a region publishes for reuse under the Open Government Licence v3.0. The columns are
 * stable and documented in docs/open-data.md; a change to them is a new version of the dataset.
 */
public final class OpenData {

    public static final String LICENCE = "Open Government Licence v3.0";
    public static final String LICENCE_URL = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/";

    public static final List<String> ARRANGEMENT_COLUMNS = List.of("arrangement_id", "title", "service_area_code",
            "service_area", "theme", "host_name", "host_gss_code", "recipient_names", "recipient_gss_codes", "basis",
            "status", "starts_on", "ends_on", "agreed_on", "exit_on", "termination_reason");

    public static final List<String> SAVINGS_COLUMNS = List.of("arrangement_id", "arrangement_title",
            "service_area_code", "authority_name", "authority_gss_code", "financial_year", "baseline_gbp", "cost_gbp",
            "saving_gbp");

    private OpenData() {
    }

    /**
     * One shared arrangement; several recipients are separated by "; ". A terminated one has its exit
     * date and the reason given, and no current recipients.
     */
    public record Arrangement(String arrangementId, String title, String serviceAreaCode, String serviceArea,
                              String theme, String hostName, String hostGssCode, String recipientNames,
                              String recipientGssCodes, String basis, String status, LocalDate startsOn,
                              LocalDate endsOn, LocalDate agreedOn, LocalDate exitOn, String terminationReason) {

        public List<Object> values() {
            return java.util.Arrays.asList(arrangementId, title, serviceAreaCode, serviceArea, theme, hostName,
                    hostGssCode, recipientNames, recipientGssCodes, basis, status, startsOn, endsOn, agreedOn, exitOn,
                    terminationReason);
        }
    }

    /** One authority's realised saving from one arrangement in one financial year, in pounds. */
    public record Saving(String arrangementId, String arrangementTitle, String serviceAreaCode, String authorityName,
                         String authorityGssCode, String financialYear, BigDecimal baselineGbp, BigDecimal costGbp,
                         BigDecimal savingGbp) {

        public List<Object> values() {
            return java.util.Arrays.asList(arrangementId, arrangementTitle, serviceAreaCode, authorityName,
                    authorityGssCode, financialYear, baselineGbp, costGbp, savingGbp);
        }
    }

    /** Pence as pounds with exactly two decimals: 1234567 is 12345.67. */
    public static BigDecimal pounds(long pence) {
        return BigDecimal.valueOf(pence, 2);
    }
}
