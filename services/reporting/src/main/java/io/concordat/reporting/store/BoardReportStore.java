package io.concordat.reporting.store;

import io.concordat.kit.store.CurrentConnection;
import io.concordat.kit.store.Sql;
import io.concordat.reporting.domain.BoardReport;
import io.concordat.reporting.domain.Dashboard;
import io.concordat.reporting.domain.FinancialQuarter;
import io.concordat.reporting.domain.Scope;
import io.concordat.reporting.domain.Themes;
import io.concordat.reporting.domain.Words;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The figures of a region's quarterly board report, read in the reader's transaction: only
 * arrangements and opportunities shared with the region count.
 */
@Singleton
public class BoardReportStore {

    private final CurrentConnection connection;
    private final DashboardStore dashboards;

    public BoardReportStore(CurrentConnection connection, DashboardStore dashboards) {
        this.connection = connection;
        this.dashboards = dashboards;
    }

    public BoardReport report(UUID regionId, String regionName, FinancialQuarter quarter, LocalDate preparedOn) {
        Scope scope = Scope.region(regionId);
        LocalDate from = quarter.firstDay();
        LocalDate to = quarter.lastDay();
        return new BoardReport(regionName, quarter, preparedOn, activity(regionId, from, to),
                indicators(regionId, from, to), finance(scope, regionId, quarter), decisions(regionId, from, to),
                dashboards.upcoming(scope, to.plusDays(1), to.plusDays(90)), dashboards.vacancies(scope, to),
                dashboards.pipeline(scope));
    }

    private BoardReport.Activity activity(UUID region, LocalDate from, LocalDate to) {
        List<BoardReport.ArrangementLine> lines = Sql.query(connection.get(), """
                        select a.title, a.service_area, h.name,
                               array(select k.name from rpt_recipient r join known_authority k on k.id = r.authority_id
                                     where r.arrangement_id = a.arrangement_id and r.joined_on <= ?
                                       and (r.left_on is null or r.left_on >= ?) order by k.name),
                               a.basis, a.status
                        from rpt_arrangement a left join known_authority h on h.id = a.host_authority_id
                        where ? = any(a.region_ids) and a.starts_on <= ? and (a.exit_on is null or a.exit_on >= ?)
                        order by a.title""",
                rs -> new BoardReport.ArrangementLine(rs.getString(1), Themes.title(rs.getString(2)), rs.getString(3),
                        List.of((String[]) rs.getArray(4).getArray()), rs.getString(5), rs.getString(6)),
                to, from, region, to, from);
        long[] counts = Sql.query(connection.get(), """
                        select count(*) filter (where a.starts_on <= ? and (a.exit_on is null or a.exit_on > ?)),
                               count(*) filter (where (a.agreed_at at time zone 'Europe/London')::date between ? and ?),
                               count(*) filter (where a.exit_on between ? and ?)
                        from rpt_arrangement a where ? = any(a.region_ids)""",
                rs -> new long[]{rs.getLong(1), rs.getLong(2), rs.getLong(3)}, to, to, from, to, from, to, region).get(0);
        return new BoardReport.Activity(counts[0], counts[1], counts[2], lines);
    }

    private List<BoardReport.IndicatorSummary> indicators(UUID region, LocalDate from, LocalDate to) {
        record Row(String arrangement, String indicator, String recipient, String period, java.math.BigDecimal value,
                   java.math.BigDecimal target, String rating) {
        }
        List<Row> rows = Sql.query(connection.get(), """
                        select a.title, l.indicator_name, k.name, l.period, l.value, l.target, l.rating
                        from (select distinct on (i.indicator_id, i.recipient_authority_id) i.*
                              from rpt_indicator_reading i
                              join rpt_arrangement a on a.arrangement_id = i.arrangement_id
                              where ? = any(a.region_ids) and i.filed_on between ? and ?
                              order by i.indicator_id, i.recipient_authority_id, i.filed_on desc, i.reported_at desc,
                                       i.period desc) l
                        join rpt_arrangement a on a.arrangement_id = l.arrangement_id
                        left join known_authority k on k.id = l.recipient_authority_id
                        order by a.title, l.indicator_name, k.name""",
                rs -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBigDecimal(5),
                        rs.getBigDecimal(6), rs.getString(7)),
                region, from, to);
        Map<String, List<Row>> byArrangement = new LinkedHashMap<>();
        rows.forEach(r -> byArrangement.computeIfAbsent(r.arrangement(), k -> new ArrayList<>()).add(r));
        return byArrangement.entrySet().stream().map(e -> new BoardReport.IndicatorSummary(e.getKey(),
                e.getValue().stream().filter(r -> "RED".equals(r.rating())).count(),
                e.getValue().stream().filter(r -> "AMBER".equals(r.rating())).count(),
                e.getValue().stream().filter(r -> "GREEN".equals(r.rating())).count(),
                e.getValue().stream().filter(r -> "RED".equals(r.rating()) || "AMBER".equals(r.rating()))
                        .map(r -> new BoardReport.Reading(r.indicator(), r.recipient(), r.period(), r.value(), r.target(),
                                r.rating())).toList())).toList();
    }

    private BoardReport.Finance finance(Scope scope, UUID region, FinancialQuarter quarter) {
        List<BoardReport.Recharge> recharges = Sql.query(connection.get(), """
                        select a.title, k.name, c.period_from, c.period_to, c.amount_pence
                        from rpt_recharge c join rpt_arrangement a on a.arrangement_id = c.arrangement_id
                        left join known_authority k on k.id = c.recipient_authority_id
                        where ? = any(a.region_ids) and c.period_to between ? and ?
                        order by a.title, k.name, c.period_from""",
                rs -> new BoardReport.Recharge(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                        rs.getObject(4, LocalDate.class), rs.getLong(5)),
                region, quarter.firstDay(), quarter.lastDay());
        Dashboard.Savings all = dashboards.savings(scope);
        String year = quarter.financialYear();
        List<Dashboard.AuthoritySavings> thisYear = all.byAuthority().stream()
                .filter(s -> s.financialYear().equals(year)).toList();
        List<Dashboard.YearSavings> years = all.byFinancialYear().stream().filter(y -> y.financialYear().equals(year)).toList();
        Dashboard.Savings savings = new Dashboard.Savings(
                thisYear.stream().mapToLong(Dashboard.AuthoritySavings::projectedPence).sum(),
                thisYear.stream().mapToLong(Dashboard.AuthoritySavings::realisedPence).sum(), years, thisYear);
        return new BoardReport.Finance(recharges.stream().mapToLong(BoardReport.Recharge::amountPence).sum(), recharges,
                savings);
    }

    private List<BoardReport.Decision> decisions(UUID region, LocalDate from, LocalDate to) {
        List<BoardReport.Decision> decisions = new ArrayList<>();
        decisions.addAll(Sql.query(connection.get(), """
                        select (r.recorded_at at time zone 'Europe/London')::date, o.title, r.recommended, r.in_favour,
                               r.against, r.reason
                        from rpt_recommendation r join rpt_opportunity o on o.opportunity_id = r.opportunity_id
                        where r.region_id = ? and (r.recorded_at at time zone 'Europe/London')::date between ? and ?""",
                rs -> new BoardReport.Decision(rs.getObject(1, LocalDate.class), "RECOMMENDATION", rs.getString(2), "Board",
                        rs.getBoolean(3) ? "Recommended" : "Not recommended",
                        rs.getInt(4) + " for, " + rs.getInt(5) + " against. " + rs.getString(6)),
                region, from, to));
        decisions.addAll(Sql.query(connection.get(), """
                        select d.decided_on, o.title, k.name, d.outcome, d.body, d.minute_reference
                        from rpt_decision d join rpt_opportunity o on o.opportunity_id = d.opportunity_id
                        left join known_authority k on k.id = d.authority_id
                        where ? = any(o.region_ids) and d.decided_on between ? and ?""",
                rs -> new BoardReport.Decision(rs.getObject(1, LocalDate.class), "COUNCIL_DECISION", rs.getString(2),
                        rs.getString(3), Words.sentence(rs.getString(4)), Words.sentence(rs.getString(5)) + ", minute " + rs.getString(6)),
                region, from, to));
        decisions.addAll(Sql.query(connection.get(), """
                        select r.completed_on, a.title, r.decided_by, r.outcome, r.kind, r.note
                        from rpt_review r join rpt_arrangement a on a.arrangement_id = r.arrangement_id
                        where ? = any(a.region_ids) and r.completed_on between ? and ?""",
                rs -> new BoardReport.Decision(rs.getObject(1, LocalDate.class), "REVIEW", rs.getString(2), rs.getString(3),
                        Words.sentence(rs.getString(4)), rs.getString(5) + (rs.getString(6) == null ? "" : ": " + rs.getString(6))),
                region, from, to));
        decisions.sort(java.util.Comparator.comparing(BoardReport.Decision::on).thenComparing(BoardReport.Decision::subject));
        return decisions;
    }
}
