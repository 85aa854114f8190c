package io.concordat.hosting.store;

import io.concordat.events.ReportingPeriod;
import io.concordat.hosting.domain.Indicator;
import io.concordat.kit.store.CurrentConnection;
import io.concordat.kit.store.Sql;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Indicators with their targets and readings, and reviews, of arrangements the tenant may see. */
@Singleton
public class PerformanceStore {

    private final CurrentConnection connection;

    public PerformanceStore(CurrentConnection connection) {
        this.connection = connection;
    }

    /** A stored indicator. */
    public record StoredIndicator(UUID id, UUID arrangementId, Indicator indicator) {
    }

    /** A stored review. */
    public record Review(UUID id, String kind, LocalDate dueOn, String outcome, String decidedBy, LocalDate completedOn,
                         String note) {
    }

    public void addIndicator(UUID id, UUID arrangementId, Indicator indicator, Map<UUID, BigDecimal> targets) {
        Sql.update(connection.get(), "insert into indicator (id, arrangement_id, name, unit, direction, amber_margin) "
                + "values (?, ?, ?, ?, ?, ?)", id, arrangementId, indicator.name(), indicator.unit(),
                indicator.direction().name(), indicator.amberMargin());
        targets.forEach((authority, target) -> Sql.update(connection.get(),
                "insert into indicator_target (indicator_id, authority_id, target) values (?, ?, ?)", id, authority, target));
    }

    public List<StoredIndicator> indicators(UUID arrangementId) {
        return Sql.query(connection.get(), "select id, name, unit, direction, amber_margin from indicator where arrangement_id = ? "
                        + "order by name", rs -> new StoredIndicator(rs.getObject(1, UUID.class), arrangementId,
                        new Indicator(rs.getString(2), rs.getString(3), Indicator.Direction.valueOf(rs.getString(4)),
                                rs.getBigDecimal(5))), arrangementId);
    }

    public Optional<StoredIndicator> indicator(UUID arrangementId, UUID indicatorId) {
        return indicators(arrangementId).stream().filter(i -> i.id().equals(indicatorId)).findFirst();
    }

    public Map<UUID, BigDecimal> targets(UUID indicatorId) {
        Map<UUID, BigDecimal> targets = new LinkedHashMap<>();
        Sql.query(connection.get(), "select authority_id, target from indicator_target where indicator_id = ?",
                rs -> Map.entry(rs.getObject(1, UUID.class), rs.getBigDecimal(2)), indicatorId)
                .forEach(e -> targets.put(e.getKey(), e.getValue()));
        return targets;
    }

    /** Records a reading for a period; a later reading for the same period replaces it. */
    public void report(UUID indicatorId, UUID authority, ReportingPeriod period, BigDecimal value, String by, Instant at) {
        Sql.update(connection.get(), "insert into reading (indicator_id, authority_id, period, period_kind, period_first_day, "
                + "period_last_day, value, reported_by, reported_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "on conflict (indicator_id, authority_id, period_kind, period_first_day) where period_kind is not null "
                + "do update set period = excluded.period, period_last_day = excluded.period_last_day, value = excluded.value, "
                + "reported_by = excluded.reported_by, reported_at = excluded.reported_at",
                indicatorId, authority, period.label(), period.kind().name(), Date.valueOf(period.firstDay()),
                Date.valueOf(period.lastDay()), value, by, Timestamp.from(at));
    }

    /** Each recipient's reading for the period, however its label was written. */
    public Map<UUID, BigDecimal> readings(UUID indicatorId, ReportingPeriod period) {
        Map<UUID, BigDecimal> readings = new LinkedHashMap<>();
        Sql.query(connection.get(), "select authority_id, value from reading where indicator_id = ? and period_kind = ? "
                        + "and period_first_day = ?", rs -> Map.entry(rs.getObject(1, UUID.class), rs.getBigDecimal(2)),
                        indicatorId, period.kind().name(), Date.valueOf(period.firstDay()))
                .forEach(e -> readings.put(e.getKey(), e.getValue()));
        return readings;
    }

    public void scheduleReview(UUID id, UUID arrangementId, String kind, LocalDate dueOn) {
        Sql.update(connection.get(), "insert into review (id, arrangement_id, kind, due_on) values (?, ?, ?, ?)",
                id, arrangementId, kind, Date.valueOf(dueOn));
    }

    public List<Review> reviews(UUID arrangementId) {
        return Sql.query(connection.get(), "select id, kind, due_on, outcome, decided_by, completed_on, note from review "
                        + "where arrangement_id = ? order by due_on", rs -> new Review(rs.getObject(1, UUID.class),
                        rs.getString(2), rs.getObject(3, LocalDate.class), rs.getString(4), rs.getString(5),
                        rs.getObject(6, LocalDate.class), rs.getString(7)), arrangementId);
    }

    public int completeReview(UUID id, String outcome, String decidedBy, LocalDate on, String note) {
        return Sql.update(connection.get(), "update review set outcome = ?, decided_by = ?, completed_on = ?, note = ? "
                + "where id = ? and outcome is null", outcome, decidedBy, Date.valueOf(on), note, id);
    }
}
