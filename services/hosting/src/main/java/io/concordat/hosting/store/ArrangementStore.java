package io.concordat.hosting.store;

import io.concordat.hosting.domain.HostPeriod;
import io.concordat.kit.store.CurrentConnection;
import io.concordat.kit.store.Sql;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Hosting arrangements and what hangs off them. Every method runs in the caller's tenant
 * transaction: row-level security lets parties and members of shared regions read, and the
 * current host write.
 */
@Singleton
public class ArrangementStore {

    private static final String COLUMNS = "id, title, service_area, host_authority_id, party_ids, region_ids, basis, starts_on, "
            + "ends_on, review_on, interim_condition, condition_met_on, capacity_days_per_week, capacity_note, cost_allocation, "
            + "notice_months, agreement_reference, legal_basis, status, opportunity_id, exit_on, termination_reason";

    private final CurrentConnection connection;

    public ArrangementStore(CurrentConnection connection) {
        this.connection = connection;
    }

    /** An arrangement as stored. */
    public record Arrangement(UUID id, String title, String serviceArea, UUID hostAuthorityId, List<UUID> partyIds,
                              List<UUID> regionIds, String basis, LocalDate startsOn, LocalDate endsOn, LocalDate reviewOn,
                              String interimCondition, LocalDate conditionMetOn, BigDecimal capacityDaysPerWeek,
                              String capacityNote, String costAllocation, Integer noticeMonths, String agreementReference,
                              String legalBasis, String status, UUID opportunityId, LocalDate exitOn, String terminationReason) {
    }

    /** A recipient's time receiving the service. */
    public record Recipient(UUID authorityId, LocalDate joinedOn, LocalDate leftOn, String leftReason, String serviceLevel,
                            String accountManager) {

        public boolean receivesOn(LocalDate day) {
            return !day.isBefore(joinedOn) && (leftOn == null || !day.isAfter(leftOn));
        }
    }

    public void insert(Arrangement a, String agreedBy, Instant at) {
        Connection c = connection.get();
        Sql.update(c, "insert into arrangement (id, title, service_area, host_authority_id, party_ids, region_ids, basis, "
                        + "starts_on, ends_on, review_on, interim_condition, capacity_days_per_week, capacity_note, "
                        + "cost_allocation, notice_months, agreement_reference, legal_basis, status, opportunity_id, agreed_by, "
                        + "agreed_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                a.id(), a.title(), a.serviceArea(), a.hostAuthorityId(), uuids(c, a.partyIds()), uuids(c, a.regionIds()),
                a.basis(), date(a.startsOn()), date(a.endsOn()), date(a.reviewOn()), a.interimCondition(),
                a.capacityDaysPerWeek(), a.capacityNote(), a.costAllocation(), a.noticeMonths(), a.agreementReference(),
                a.legalBasis(), a.status(), a.opportunityId(), agreedBy, Timestamp.from(at));
    }

    public Optional<Arrangement> find(UUID id) {
        return Sql.query(connection.get(), "select " + COLUMNS + " from arrangement where id = ?", ArrangementStore::row, id)
                .stream().findFirst();
    }

    /** Whether an arrangement was already made from the opportunity, whoever may see it. */
    public boolean existsForOpportunity(UUID opportunityId) {
        return !Sql.query(connection.get(), "select 1 from arrangement where opportunity_id = ?", rs -> 1, opportunityId).isEmpty();
    }

    public List<Arrangement> visible() {
        return Sql.query(connection.get(), "select " + COLUMNS + " from arrangement order by title, id", ArrangementStore::row);
    }

    public void addParty(UUID id, UUID authority) {
        Sql.update(connection.get(), "update arrangement set party_ids = array_append(party_ids, ?) "
                + "where id = ? and not (? = any(party_ids))", authority, id, authority);
    }

    public void changeHost(UUID id, UUID host) {
        Sql.update(connection.get(), "update arrangement set host_authority_id = ? where id = ?", host, id);
    }

    /** A dated, attributed change to an arrangement. */
    public record Change(String change, String by, Instant at) {
    }

    public void log(UUID id, String change, String by) {
        Sql.update(connection.get(), "insert into arrangement_change (arrangement_id, change, changed_by, changed_at) "
                + "values (?, ?, ?, ?)", id, change, by, Timestamp.from(Instant.now()));
    }

    public List<Change> changes(UUID id) {
        return Sql.query(connection.get(), "select change, changed_by, changed_at from arrangement_change "
                        + "where arrangement_id = ? order by id",
                rs -> new Change(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()), id);
    }

    public void setStatus(UUID id, String status) {
        Sql.update(connection.get(), "update arrangement set status = ? where id = ?", status, id);
    }

    public void terminate(UUID id, LocalDate exitOn, String reason) {
        Sql.update(connection.get(), "update arrangement set status = 'TERMINATED', exit_on = ?, termination_reason = ? where id = ?",
                date(exitOn), reason, id);
    }

    public void conditionMet(UUID id, LocalDate on, String recordedBy) {
        Sql.update(connection.get(), "update arrangement set condition_met_on = ?, condition_recorded_by = ? where id = ?",
                date(on), recordedBy, id);
    }

    public List<HostPeriod> hostHistory(UUID id) {
        return Sql.query(connection.get(), "select host_authority_id, from_date, to_date from host_period where arrangement_id = ? "
                        + "order by from_date", rs -> new HostPeriod(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class),
                        rs.getObject(3, LocalDate.class)), id);
    }

    public void startHostPeriod(UUID id, UUID host, LocalDate from) {
        Sql.update(connection.get(), "insert into host_period (arrangement_id, host_authority_id, from_date) values (?, ?, ?)",
                id, host, date(from));
    }

    public void endHostPeriod(UUID id, LocalDate lastDay) {
        Sql.update(connection.get(), "update host_period set to_date = ? where arrangement_id = ? and to_date is null",
                date(lastDay), id);
    }

    public List<Recipient> recipients(UUID id) {
        return Sql.query(connection.get(), "select authority_id, joined_on, left_on, left_reason, service_level, account_manager "
                        + "from recipient where arrangement_id = ? order by joined_on, authority_id",
                rs -> new Recipient(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class),
                        rs.getObject(3, LocalDate.class), rs.getString(4), rs.getString(5), rs.getString(6)), id);
    }

    public void addRecipient(UUID id, Recipient r) {
        Sql.update(connection.get(), "insert into recipient (arrangement_id, authority_id, joined_on, service_level, account_manager) "
                + "values (?, ?, ?, ?, ?)", id, r.authorityId(), date(r.joinedOn()), r.serviceLevel(), r.accountManager());
    }

    public int recipientLeaves(UUID id, UUID authority, LocalDate leftOn, String reason) {
        return Sql.update(connection.get(), "update recipient set left_on = ?, left_reason = ? where arrangement_id = ? "
                + "and authority_id = ? and left_on is null", date(leftOn), reason, id, authority);
    }

    public void addRecharge(UUID id, UUID recipient, LocalDate from, LocalDate to, long pence, String by, Instant at) {
        Sql.update(connection.get(), "insert into recharge (id, arrangement_id, recipient_authority_id, period_from, period_to, "
                + "amount_pence, issued_by, issued_at) values (?, ?, ?, ?, ?, ?, ?, ?)", UUID.randomUUID(), id, recipient,
                date(from), date(to), pence, by, Timestamp.from(at));
    }

    /** What each recipient was recharged for periods starting in the year. */
    public Map<UUID, Long> rechargesIn(UUID id, LocalDate firstDay, LocalDate lastDay) {
        Map<UUID, Long> paid = new LinkedHashMap<>();
        Sql.query(connection.get(), "select recipient_authority_id, sum(amount_pence) from recharge where arrangement_id = ? "
                        + "and period_from between ? and ? group by recipient_authority_id",
                rs -> Map.entry(rs.getObject(1, UUID.class), rs.getLong(2)), id, date(firstDay), date(lastDay))
                .forEach(e -> paid.put(e.getKey(), e.getValue()));
        return paid;
    }

    public void setBaseline(UUID id, UUID authority, String year, long pence) {
        Sql.update(connection.get(), "insert into baseline (arrangement_id, authority_id, financial_year, baseline_pence) "
                + "values (?, ?, ?, ?) on conflict (arrangement_id, authority_id, financial_year) do update "
                + "set baseline_pence = excluded.baseline_pence", id, authority, year, pence);
    }

    public Map<UUID, Long> baselines(UUID id, String year) {
        Map<UUID, Long> baselines = new LinkedHashMap<>();
        Sql.query(connection.get(), "select authority_id, baseline_pence from baseline where arrangement_id = ? and financial_year = ?",
                rs -> Map.entry(rs.getObject(1, UUID.class), rs.getLong(2)), id, year)
                .forEach(e -> baselines.put(e.getKey(), e.getValue()));
        return baselines;
    }

    public void setRunningCost(UUID id, String year, long pence) {
        Sql.update(connection.get(), "insert into running_cost (arrangement_id, financial_year, cost_pence) values (?, ?, ?) "
                + "on conflict (arrangement_id, financial_year) do update set cost_pence = excluded.cost_pence", id, year, pence);
    }

    public long runningCost(UUID id, String year) {
        return Sql.query(connection.get(), "select cost_pence from running_cost where arrangement_id = ? and financial_year = ?",
                rs -> rs.getLong(1), id, year).stream().findFirst().orElse(0L);
    }

    private static Arrangement row(ResultSet rs) throws SQLException {
        return new Arrangement(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getObject(4, UUID.class),
                list(rs.getArray(5)), list(rs.getArray(6)), rs.getString(7), rs.getObject(8, LocalDate.class),
                rs.getObject(9, LocalDate.class), rs.getObject(10, LocalDate.class), rs.getString(11),
                rs.getObject(12, LocalDate.class), rs.getBigDecimal(13), rs.getString(14), rs.getString(15),
                (Integer) rs.getObject(16), rs.getString(17), rs.getString(18), rs.getString(19), rs.getObject(20, UUID.class),
                rs.getObject(21, LocalDate.class), rs.getString(22));
    }

    private static List<UUID> list(Array array) throws SQLException {
        return Arrays.asList((UUID[]) array.getArray());
    }

    private static Array uuids(Connection c, List<UUID> ids) {
        try {
            return c.createArrayOf("uuid", ids.toArray());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Date date(LocalDate day) {
        return day == null ? null : Date.valueOf(day);
    }
}
