package io.concordat.reporting.store;

import io.concordat.kit.store.CurrentConnection;
import io.concordat.kit.store.Sql;
import io.concordat.reporting.domain.Dashboard;
import io.concordat.reporting.domain.Listing;
import io.concordat.reporting.domain.Scope;
import io.concordat.reporting.domain.Themes;
import jakarta.inject.Singleton;

import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Reads the dashboards from the read models. Every query runs in the reader's transaction, so
 * row-level security limits it to what the reader may see; the scope then narrows it to one
 * region or authority, so a region's figures never include what was shared only with another.
 */
@Singleton
public class DashboardStore {

    /** How many rows a dashboard lists in full; the counts always cover everything. */
    public static final int LISTED = 50;

    private final CurrentConnection connection;

    public DashboardStore(CurrentConnection connection) {
        this.connection = connection;
    }

    /** A condition on a table alias with its parameters, for one scope. */
    /**
     * A vacancy is open on a day when it had been posted, its closing date has not passed and it has
     * not closed (filled, withdrawn, opened as an opportunity).
     */
    private static final String OPEN_ON = " and (v.posted_at at time zone 'Europe/London')::date <= ? and v.closing_date >= ?"
                                          + " and (v.closed_on is null or v.closed_on > ?)";

    record Filter(String sql, List<Object> parameters) {
        Object[] with(Object... more) {
            List<Object> all = new ArrayList<>(parameters);
            all.addAll(List.of(more));
            return all.toArray();
        }
    }

    static Filter onOpportunities(Scope scope) {
        return switch (scope.kind()) {
            case REGION -> new Filter("? = any(o.region_ids)", List.of(scope.id()));
            case AUTHORITY -> new Filter("(o.authority_id = ? or ? = any(o.participant_ids))", List.of(scope.id(), scope.id()));
            case NATIONAL -> new Filter("true", List.of());
        };
    }

    static Filter onArrangements(Scope scope) {
        return switch (scope.kind()) {
            case REGION -> new Filter("? = any(a.region_ids)", List.of(scope.id()));
            case AUTHORITY -> new Filter("? = any(a.party_ids)", List.of(scope.id()));
            case NATIONAL -> new Filter("true", List.of());
        };
    }

    /** An authority's dashboard counts its own savings; a region's and the nation's count everyone's. */
    static Filter savingAuthority(Scope scope, String column) {
        return scope.kind() == Scope.Kind.AUTHORITY
                ? new Filter(column + " = ?", List.of(scope.id()))
                : new Filter("true", List.of());
    }

    /** A region's vacancies are those of the authorities that were its members on the day asked about. */
    static Filter onVacancies(Scope scope, LocalDate on) {
        return switch (scope.kind()) {
            case REGION -> new Filter("v.authority_id in (select m.authority_id from region_membership m "
                                      + "where m.region_id = ? and m.joined_on <= ? and (m.left_on is null or m.left_on > ?))",
                    List.of(scope.id(), on, on));
            case AUTHORITY -> new Filter("v.authority_id = ?", List.of(scope.id()));
            case NATIONAL -> new Filter("true", List.of());
        };
    }

    public Dashboard.Pipeline pipeline(Scope scope) {
        Filter f = onOpportunities(scope);
        Map<String, Long> byStage = new TreeMap<>();
        Map<String, Long> byTheme = new TreeMap<>();
        Map<String, Long> byModel = new TreeMap<>();
        Map<String, Long> byHorizon = new TreeMap<>();
        long[] total = {0};
        Sql.query(connection.get(), "select o.stage, o.theme, coalesce(o.model, 'NOT_STATED'), coalesce(o.horizon, 'NOT_STATED'), "
                                    + "count(*) from rpt_opportunity o where " + f.sql() + " group by 1, 2, 3, 4",
                rs -> {
                    long n = rs.getLong(5);
                    byStage.merge(rs.getString(1), n, Long::sum);
                    byTheme.merge(rs.getString(2), n, Long::sum);
                    byModel.merge(rs.getString(3), n, Long::sum);
                    byHorizon.merge(rs.getString(4), n, Long::sum);
                    total[0] += n;
                    return n;
                }, f.parameters().toArray());
        return new Dashboard.Pipeline(total[0], byStage, byTheme, byModel, byHorizon);
    }

    public Dashboard.Arrangements arrangements(Scope scope) {
        Filter f = onArrangements(scope);
        record Row(UUID host, String area, String status, long n) {
        }
        List<Row> rows = Sql.query(connection.get(), "select a.host_authority_id, a.service_area, a.status, count(*) "
                                                     + "from rpt_arrangement a where " + f.sql()
                                                     + " and a.status <> 'TERMINATED' group by 1, 2, 3",
                rs -> new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getLong(4)),
                f.parameters().toArray());
        Map<UUID, Long> byHost = new HashMap<>();
        Map<String, Long> byArea = new TreeMap<>();
        long total = 0;
        long active = 0;
        for (Row row : rows) {
            byHost.merge(row.host(), row.n(), Long::sum);
            byArea.merge(row.area(), row.n(), Long::sum);
            total += row.n();
            active += "ACTIVE".equals(row.status()) ? row.n() : 0;
        }
        Map<UUID, String> names = names(byHost.keySet());
        List<Dashboard.Count> hosts = byHost.entrySet().stream()
                .map(e -> new Dashboard.Count(e.getKey().toString(), names.get(e.getKey()), e.getValue()))
                .sorted(BY_COUNT_THEN_NAME).toList();
        List<Dashboard.Count> areas = byArea.entrySet().stream()
                .map(e -> new Dashboard.Count(e.getKey(), Themes.title(e.getKey()), e.getValue()))
                .sorted(BY_COUNT_THEN_NAME).toList();
        return new Dashboard.Arrangements(total, active, hosts, areas);
    }

    private static final java.util.Comparator<Dashboard.Count> BY_COUNT_THEN_NAME =
            java.util.Comparator.comparingLong(Dashboard.Count::count).reversed()
                    .thenComparing(c -> String.valueOf(c.name()));

    public Dashboard.Sharing sharing(Scope scope) {
        Filter f = onArrangements(scope);
        List<Dashboard.Link> links = Sql.query(connection.get(), """
                        select a.arrangement_id, a.title, a.service_area, a.host_authority_id, r.authority_id
                        from rpt_arrangement a join rpt_recipient r on r.arrangement_id = a.arrangement_id
                        where %s and a.status <> 'TERMINATED' and r.left_on is null
                        order by a.title, a.arrangement_id, r.authority_id""".formatted(f.sql()),
                rs -> new Dashboard.Link(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getObject(4, UUID.class), rs.getObject(5, UUID.class)), f.parameters().toArray());
        Map<UUID, Set<UUID>> hosts = new HashMap<>();
        Map<UUID, Set<UUID>> receives = new HashMap<>();
        for (Dashboard.Link link : links) {
            hosts.computeIfAbsent(link.hostAuthorityId(), k -> new HashSet<>()).add(link.arrangementId());
            receives.computeIfAbsent(link.recipientAuthorityId(), k -> new HashSet<>()).add(link.arrangementId());
        }
        Set<UUID> parties = new HashSet<>(hosts.keySet());
        parties.addAll(receives.keySet());
        Map<UUID, String> names = names(parties);
        List<Dashboard.Party> authorities = parties.stream()
                .map(id -> new Dashboard.Party(id, names.get(id), hosts.getOrDefault(id, Set.of()).size(),
                        receives.getOrDefault(id, Set.of()).size()))
                .sorted(java.util.Comparator.comparing(p -> String.valueOf(p.name()))).toList();
        return new Dashboard.Sharing(authorities, links);
    }

    public Dashboard.Savings savings(Scope scope) {
        Filter o = onOpportunities(scope);
        Filter a = onArrangements(scope);
        Filter ownProjected = savingAuthority(scope, "p.authority_id");
        Filter ownRealised = savingAuthority(scope, "s.authority_id");
        record Key(UUID authority, String year) {
        }
        Map<Key, long[]> figures = new TreeMap<>(java.util.Comparator.comparing(Key::year)
                .thenComparing(k -> k.authority().toString()));
        List<Object> projectedParameters = new ArrayList<>(o.parameters());
        projectedParameters.addAll(ownProjected.parameters());
        Sql.query(connection.get(), """
                        select p.authority_id, p.financial_year, sum(p.amount_pence)
                        from rpt_projected_saving p join rpt_opportunity o on o.opportunity_id = p.opportunity_id
                        where %s and %s and o.stage not in ('REJECTED', 'WITHDRAWN') group by 1, 2"""
                        .formatted(o.sql(), ownProjected.sql()),
                rs -> figures.computeIfAbsent(new Key(rs.getObject(1, UUID.class), rs.getString(2)), k -> new long[2])[0]
                        += rs.getLong(3), projectedParameters.toArray());
        List<Object> realisedParameters = new ArrayList<>(a.parameters());
        realisedParameters.addAll(ownRealised.parameters());
        Sql.query(connection.get(), """
                        select s.authority_id, s.financial_year, sum(s.saving_pence)
                        from rpt_saving s join rpt_arrangement a on a.arrangement_id = s.arrangement_id
                        where %s and %s group by 1, 2""".formatted(a.sql(), ownRealised.sql()),
                rs -> figures.computeIfAbsent(new Key(rs.getObject(1, UUID.class), rs.getString(2)), k -> new long[2])[1]
                        += rs.getLong(3), realisedParameters.toArray());
        Map<UUID, String> names = names(figures.keySet().stream().map(Key::authority).toList());
        Map<String, long[]> byYear = new TreeMap<>();
        List<Dashboard.AuthoritySavings> byAuthority = new ArrayList<>();
        long projected = 0;
        long realised = 0;
        for (Map.Entry<Key, long[]> e : figures.entrySet()) {
            long[] v = e.getValue();
            long[] year = byYear.computeIfAbsent(e.getKey().year(), y -> new long[2]);
            year[0] += v[0];
            year[1] += v[1];
            projected += v[0];
            realised += v[1];
            byAuthority.add(new Dashboard.AuthoritySavings(e.getKey().authority(), names.get(e.getKey().authority()),
                    e.getKey().year(), v[0], v[1]));
        }
        byAuthority.sort(java.util.Comparator.comparing(Dashboard.AuthoritySavings::financialYear)
                .thenComparing(s -> String.valueOf(s.name())));
        List<Dashboard.YearSavings> years = byYear.entrySet().stream()
                .map(e -> new Dashboard.YearSavings(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
        return new Dashboard.Savings(projected, realised, years, byAuthority);
    }

    public Dashboard.Indicators indicators(Scope scope) {
        Filter f = onArrangements(scope);
        Map<String, Long> counts = new HashMap<>();
        Sql.query(connection.get(), "select l.rating, count(*) from rpt_indicator_latest l "
                                    + "join rpt_arrangement a on a.arrangement_id = l.arrangement_id where " + f.sql()
                                    + " and a.status <> 'TERMINATED' group by 1",
                rs -> counts.put(rs.getString(1), rs.getLong(2)), f.parameters().toArray());
        List<Dashboard.Attention> attention = Sql.query(connection.get(), """
                        select a.arrangement_id, a.title, l.indicator_name, l.recipient_authority_id, k.name, l.period,
                               l.value, l.target, l.rating
                        from rpt_indicator_latest l join rpt_arrangement a on a.arrangement_id = l.arrangement_id
                        left join known_authority k on k.id = l.recipient_authority_id
                        where %s and a.status <> 'TERMINATED' and l.rating in ('RED', 'AMBER')
                        order by l.rating desc, a.title, l.indicator_name, k.name limit %d""".formatted(f.sql(), LISTED),
                rs -> new Dashboard.Attention(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getObject(4, UUID.class), rs.getString(5), rs.getString(6), rs.getBigDecimal(7),
                        rs.getBigDecimal(8), rs.getString(9)), f.parameters().toArray());
        return new Dashboard.Indicators(counts.getOrDefault("RED", 0L), counts.getOrDefault("AMBER", 0L),
                counts.getOrDefault("GREEN", 0L), attention);
    }

    /** Reviews, trial ends and contract ends from {@code from} to {@code to}, and reviews overdue by then. */
    public List<Dashboard.Upcoming> upcoming(Scope scope, LocalDate from, LocalDate to) {
        Filter f = onArrangements(scope);
        return Sql.query(connection.get(), """
                        select kind, due, overdue, arrangement_id, title, detail from (
                            select 'REVIEW' as kind, r.due_on as due, r.due_on < ? as overdue, a.arrangement_id, a.title,
                                   r.kind as detail
                            from rpt_review r join rpt_arrangement a on a.arrangement_id = r.arrangement_id
                            where %1$s and a.status <> 'TERMINATED' and r.outcome is null and r.due_on <= ?
                            union all
                            select case when a.basis = 'TRIAL' then 'TRIAL_END' else 'CONTRACT_END' end, a.ends_on, false,
                                   a.arrangement_id, a.title, lower(replace(a.basis, '_', ' '))
                            from rpt_arrangement a
                            where %1$s and a.status <> 'TERMINATED' and a.ends_on between ? and ?
                        ) due order by due, title, kind limit %2$d""".formatted(f.sql(), LISTED),
                rs -> new Dashboard.Upcoming(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getBoolean(3),
                        rs.getObject(4, UUID.class), rs.getString(5), rs.getString(6)),
                concat(List.of(from), f.parameters(), List.of(to), f.parameters(), List.of(from, to)));
    }

    public Dashboard.Vacancies vacancies(Scope scope, LocalDate on) {
        Filter f = onVacancies(scope, on);
        Map<String, Long> byArea = new TreeMap<>();
        Sql.query(connection.get(), "select v.service_area, count(*) from rpt_vacancy v where " + f.sql() + OPEN_ON
                                    + " group by 1",
                rs -> byArea.put(rs.getString(1), rs.getLong(2)), f.with(on, on, on));
        List<Dashboard.Vacancy> soonest = Sql.query(connection.get(), """
                        select v.vacancy_id, v.authority_id, k.name, v.title, v.service_area, v.grade, v.closing_date
                        from rpt_vacancy v left join known_authority k on k.id = v.authority_id
                        where %s%s order by v.closing_date, v.title limit %d""".formatted(f.sql(), OPEN_ON, LISTED),
                rs -> new Dashboard.Vacancy(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getObject(7, LocalDate.class)), f.with(on, on, on));
        List<Dashboard.Count> areas = byArea.entrySet().stream()
                .map(e -> new Dashboard.Count(e.getKey(), Themes.title(e.getKey()), e.getValue()))
                .sorted(BY_COUNT_THEN_NAME).toList();
        return new Dashboard.Vacancies(byArea.values().stream().mapToLong(Long::longValue).sum(), areas, soonest);
    }

    /** A page of the scope's arrangements with the filters applied, and how many match in all. */
    public Paged<Listing.Arrangement> arrangementPage(Scope scope, Listing.Filters filters, int page, int size) {
        Filter f = onArrangements(scope);
        StringBuilder where = new StringBuilder(f.sql());
        List<Object> parameters = new ArrayList<>(f.parameters());
        and(where, parameters, "a.theme = ?", filters.theme());
        and(where, parameters, "a.service_area = ?", filters.serviceArea());
        and(where, parameters, "a.status = ?", filters.status());
        and(where, parameters, "a.host_authority_id = ?", filters.authorityId());
        long total = Sql.query(connection.get(), "select count(*) from rpt_arrangement a where " + where,
                rs -> rs.getLong(1), parameters.toArray()).get(0);
        parameters.add(size);
        parameters.add((long) page * size);
        List<Listing.Arrangement> rows = Sql.query(connection.get(), """
                        select a.arrangement_id, a.title, a.service_area, a.theme, a.host_authority_id, h.name,
                               array(select k.name from rpt_recipient r join known_authority k on k.id = r.authority_id
                                     where r.arrangement_id = a.arrangement_id and r.left_on is null order by k.name),
                               a.basis, a.status, a.starts_on, a.ends_on
                        from rpt_arrangement a left join known_authority h on h.id = a.host_authority_id
                        where %s order by a.title, a.arrangement_id limit ? offset ?""".formatted(where),
                rs -> new Listing.Arrangement(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        Themes.title(rs.getString(3)), rs.getString(4), rs.getObject(5, UUID.class), rs.getString(6),
                        List.of((String[]) rs.getArray(7).getArray()), rs.getString(8), rs.getString(9),
                        rs.getObject(10, LocalDate.class), rs.getObject(11, LocalDate.class)), parameters.toArray());
        return new Paged<>(rows, total);
    }

    /** A page of the scope's opportunities with the filters applied, and how many match in all. */
    public Paged<Listing.Opportunity> opportunityPage(Scope scope, Listing.Filters filters, int page, int size) {
        Filter f = onOpportunities(scope);
        StringBuilder where = new StringBuilder(f.sql());
        List<Object> parameters = new ArrayList<>(f.parameters());
        and(where, parameters, "o.stage = ?", filters.stage());
        and(where, parameters, "o.theme = ?", filters.theme());
        and(where, parameters, "o.service_area = ?", filters.serviceArea());
        and(where, parameters, "o.model = ?", filters.model());
        and(where, parameters, "o.horizon = ?", filters.horizon());
        and(where, parameters, "o.authority_id = ?", filters.authorityId());
        long total = Sql.query(connection.get(), "select count(*) from rpt_opportunity o where " + where,
                rs -> rs.getLong(1), parameters.toArray()).get(0);
        parameters.add(size);
        parameters.add((long) page * size);
        List<Listing.Opportunity> rows = Sql.query(connection.get(), """
                        select o.opportunity_id, o.title, o.authority_id, k.name, o.service_area, o.theme, o.model, o.horizon,
                               o.stage, o.proposed_at, o.stage_changed_at
                        from rpt_opportunity o left join known_authority k on k.id = o.authority_id
                        where %s order by o.proposed_at desc, o.opportunity_id limit ? offset ?""".formatted(where),
                rs -> new Listing.Opportunity(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                        rs.getString(9), rs.getTimestamp(10).toInstant(), rs.getTimestamp(11).toInstant()),
                parameters.toArray());
        return new Paged<>(rows, total);
    }

    /** One page of rows and the count of all rows that match. */
    public record Paged<T>(List<T> rows, long total) {
    }

    private static void and(StringBuilder where, List<Object> parameters, String condition, Object value) {
        if (value != null) {
            where.append(" and ").append(condition);
            parameters.add(value);
        }
    }

    /** When the latest event this service applied was processed; absent before the first. */
    public Instant dataAsOf() {
        Timestamp latest = Sql.query(connection.get(), "select max(processed_at) from processed_event",
                rs -> rs.getTimestamp(1)).get(0);
        return latest == null ? null : latest.toInstant();
    }

    public java.util.Optional<String> regionName(UUID regionId) {
        return Sql.query(connection.get(), "select name from known_region where id = ?", rs -> rs.getString(1), regionId)
                .stream().findFirst();
    }

    /** Authorities' names, from the directory every signed-in user may read. */
    public Map<UUID, String> names(Collection<UUID> ids) {
        Map<UUID, String> names = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return names;
        }
        Sql.query(connection.get(), "select id, name from known_authority where id = any(?)",
                rs -> names.put(rs.getObject(1, UUID.class), rs.getString(2)), uuids(ids));
        return names;
    }

    Array uuids(Collection<UUID> ids) {
        try {
            return connection.get().createArrayOf("uuid", ids.toArray());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot bind a list of ids", e);
        }
    }

    @SafeVarargs
    static Object[] concat(List<?>... lists) {
        List<Object> all = new ArrayList<>();
        for (List<?> list : lists) {
            all.addAll(list);
        }
        return all.toArray();
    }
}
