package io.concordat.reporting.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a region, an authority or the whole platform looks like at a glance. Money is in pence;
 * counts are of what the reader may see within the scope.
 *
 * @param scope        REGION, AUTHORITY or NATIONAL
 * @param scopeId      the region's or authority's id; absent for national figures
 * @param name         the region's or authority's name, or "All authorities"
 * @param asOf         the day "open" and "in the next 90 days" are counted from
 * @param dataAsOf     when the latest event this service has applied was processed
 */
public record Dashboard(String scope, UUID scopeId, String name, LocalDate asOf, Instant dataAsOf,
                        Pipeline pipeline, Arrangements arrangements, Sharing sharing, Savings savings,
                        Indicators indicators, List<Upcoming> upcoming, Vacancies vacancies) {

    /** Opportunities counted by stage, theme, collaboration model and horizon. */
    public record Pipeline(long total, Map<String, Long> byStage, Map<String, Long> byTheme, Map<String, Long> byModel,
                           Map<String, Long> byHorizon) {
    }

    /**
     * Arrangements not terminated, by host and by service area.
     *
     * @param active those that have started
     */
    public record Arrangements(long total, long active, List<Count> byHost, List<Count> byServiceArea) {
    }

    /** A count of something with an id (an authority) or a code (a service area) and its name. */
    public record Count(String key, String name, long count) {
    }

    /** Who shares what with whom: authorities, and an edge from host to recipient per arrangement. */
    public record Sharing(List<Party> authorities, List<Link> links) {
    }

    /** An authority in the sharing graph, with how many services it hosts and receives. */
    public record Party(UUID authorityId, String name, long hosts, long receives) {
    }

    public record Link(UUID arrangementId, String title, String serviceArea, UUID hostAuthorityId,
                       UUID recipientAuthorityId) {
    }

    /**
     * Savings per financial year and per authority and year: projected in the latest business
     * cases, realised in the arrangements' ledgers.
     */
    public record Savings(long projectedPence, long realisedPence, List<YearSavings> byFinancialYear,
                          List<AuthoritySavings> byAuthority) {
    }

    public record YearSavings(String financialYear, long projectedPence, long realisedPence) {
    }

    public record AuthoritySavings(UUID authorityId, String name, String financialYear, long projectedPence,
                                   long realisedPence) {
    }

    /**
     * The latest rating of every indicator for every recipient; those at red or amber listed,
     * red first.
     */
    public record Indicators(long red, long amber, long green, List<Attention> attention) {
    }

    public record Attention(UUID arrangementId, String arrangementTitle, String indicatorName, UUID recipientAuthorityId,
                            String recipientName, String period, BigDecimal value, BigDecimal target, String rating) {
    }

    /**
     * Something that falls due: a review (overdue ones too), the end of a trial, the end of a
     * fixed-term contract.
     *
     * @param kind REVIEW, TRIAL_END or CONTRACT_END
     */
    public record Upcoming(String kind, LocalDate on, boolean overdue, UUID arrangementId, String arrangementTitle,
                           String detail) {
    }

    /** Open vacancies (closing today or later) by service area, and the nearest to closing. */
    public record Vacancies(long open, List<Count> byServiceArea, List<Vacancy> closingSoonest) {
    }

    public record Vacancy(UUID vacancyId, UUID authorityId, String authorityName, String title, String serviceArea,
                          String grade, LocalDate closingDate) {
    }
}
