package io.concordat.reporting.api;

import io.concordat.reporting.domain.Dashboard;
import io.micronaut.serde.annotation.Serdeable;

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
@Serdeable
public record DashboardView(String scope, UUID scopeId, String name, LocalDate asOf,
                            Instant dataAsOf, Pipeline pipeline, Arrangements arrangements, Sharing sharing,
                            Savings savings, Indicators indicators, List<Upcoming> upcoming, Vacancies vacancies) {

    static DashboardView of(Dashboard d) {
        return new DashboardView(d.scope(), d.scopeId(), d.name(), d.asOf(), d.dataAsOf(), Pipeline.of(d.pipeline()),
                Arrangements.of(d.arrangements()), Sharing.of(d.sharing()), Savings.of(d.savings()),
                Indicators.of(d.indicators()), d.upcoming().stream().map(Upcoming::of).toList(), Vacancies.of(d.vacancies()));
    }

    /** Opportunities counted by stage, theme, collaboration model and horizon. */
    @Serdeable
    public record Pipeline(long total, Map<String, Long> byStage, Map<String, Long> byTheme, Map<String, Long> byModel,
                           Map<String, Long> byHorizon) {

        static Pipeline of(Dashboard.Pipeline p) {
            return new Pipeline(p.total(), p.byStage(), p.byTheme(), p.byModel(), p.byHorizon());
        }
    }

    /**
     * Arrangements not terminated, by host and by service area.
     *
     * @param active those that have started
     */
    @Serdeable
    public record Arrangements(long total, long active, List<Count> byHost, List<Count> byServiceArea) {

        static Arrangements of(Dashboard.Arrangements a) {
            return new Arrangements(a.total(), a.active(), Count.of(a.byHost()), Count.of(a.byServiceArea()));
        }
    }

    /** A count of something with an id (an authority) or a code (a service area) and its name. */
    @Serdeable
    public record Count(String key, String name, long count) {

        static List<Count> of(List<Dashboard.Count> counts) {
            return counts.stream().map(c -> new Count(c.key(), c.name(), c.count())).toList();
        }
    }

    /** Who shares what with whom: authorities, and an edge from host to recipient per arrangement. */
    @Serdeable
    public record Sharing(List<Party> authorities, List<Link> links) {

        static Sharing of(Dashboard.Sharing s) {
            return new Sharing(s.authorities().stream().map(p -> new Party(p.authorityId(), p.name(), p.hosts(),
                    p.receives())).toList(), s.links().stream().map(l -> new Link(l.arrangementId(), l.title(),
                    l.serviceArea(), l.hostAuthorityId(), l.recipientAuthorityId())).toList());
        }
    }

    /** An authority in the sharing graph, with how many services it hosts and receives. */
    @Serdeable
    public record Party(UUID authorityId, String name, long hosts, long receives) {
    }

    @Serdeable
    public record Link(UUID arrangementId, String title, String serviceArea, UUID hostAuthorityId,
                       UUID recipientAuthorityId) {
    }

    /**
     * Savings per financial year and per authority and year: projected in the latest business
     * cases, realised in the arrangements' ledgers.
     */
    @Serdeable
    public record Savings(long projectedPence, long realisedPence, List<YearSavings> byFinancialYear,
                          List<AuthoritySavings> byAuthority) {

        static Savings of(Dashboard.Savings s) {
            return new Savings(s.projectedPence(), s.realisedPence(), s.byFinancialYear().stream()
                    .map(y -> new YearSavings(y.financialYear(), y.projectedPence(), y.realisedPence())).toList(),
                    s.byAuthority().stream().map(a -> new AuthoritySavings(a.authorityId(), a.name(), a.financialYear(),
                            a.projectedPence(), a.realisedPence())).toList());
        }
    }

    @Serdeable
    public record YearSavings(String financialYear, long projectedPence, long realisedPence) {
    }

    @Serdeable
    public record AuthoritySavings(UUID authorityId, String name, String financialYear, long projectedPence,
                                   long realisedPence) {
    }

    /**
     * The latest rating of every indicator for every recipient; those at red or amber listed,
     * red first.
     */
    @Serdeable
    public record Indicators(long red, long amber, long green, List<Attention> attention) {

        static Indicators of(Dashboard.Indicators i) {
            return new Indicators(i.red(), i.amber(), i.green(), i.attention().stream().map(a -> new Attention(
                    a.arrangementId(), a.arrangementTitle(), a.indicatorName(), a.recipientAuthorityId(), a.recipientName(),
                    a.period(), a.value(), a.target(), a.rating())).toList());
        }
    }

    @Serdeable
    public record Attention(UUID arrangementId, String arrangementTitle, String indicatorName, UUID recipientAuthorityId,
                            String recipientName, String period, BigDecimal value,
                            BigDecimal target, String rating) {
    }

    /**
     * Something that falls due: a review (overdue ones too), the end of a trial, the end of a
     * fixed-term contract.
     *
     * @param kind REVIEW, TRIAL_END or CONTRACT_END
     */
    @Serdeable
    public record Upcoming(String kind, LocalDate on, boolean overdue, UUID arrangementId, String arrangementTitle,
                           String detail) {

        static Upcoming of(Dashboard.Upcoming u) {
            return new Upcoming(u.kind(), u.on(), u.overdue(), u.arrangementId(), u.arrangementTitle(), u.detail());
        }
    }

    /** Open vacancies (closing today or later) by service area, and the nearest to closing. */
    @Serdeable
    public record Vacancies(long open, List<Count> byServiceArea, List<Vacancy> closingSoonest) {

        static Vacancies of(Dashboard.Vacancies v) {
            return new Vacancies(v.open(), Count.of(v.byServiceArea()), v.closingSoonest().stream().map(x -> new Vacancy(
                    x.vacancyId(), x.authorityId(), x.authorityName(), x.title(), x.serviceArea(), x.grade(),
                    x.closingDate())).toList());
        }
    }

    @Serdeable
    public record Vacancy(UUID vacancyId, UUID authorityId, String authorityName, String title,
                          String serviceArea, String grade, LocalDate closingDate) {
    }
}
