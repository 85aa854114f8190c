package io.concordat.hosting.store;

import io.concordat.hosting.domain.ArrangementStatus;
import io.concordat.hosting.domain.Consent;
import io.concordat.hosting.domain.FinancialYear;
import io.concordat.hosting.domain.HostPeriod;
import io.concordat.hosting.domain.HostTransfer;
import io.concordat.hosting.domain.Recipient;
import io.concordat.hosting.domain.Savings;
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

    /**
     * The arrangement as its rules see it, its row locked until the transaction ends: a use case that
     * changes it, or what hangs off it, waits for any other doing so, and then sees what that one did.
     */
    public Optional<io.concordat.hosting.domain.Arrangement> loadForChange(UUID id) {
        if (Sql.query(connection.get(), "select id from arrangement where id = ? for update", rs -> 1, id).isEmpty()) {
            return Optional.empty();
        }
        return load(id);
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

    /** The arrangement as its rules see it, with its host history, recipients and any transfer awaiting an answer. */
    public Optional<io.concordat.hosting.domain.Arrangement> load(UUID id) {
        return find(id).map(a -> new io.concordat.hosting.domain.Arrangement(a.id(), a.hostAuthorityId(),
                ArrangementStatus.valueOf(a.status()), a.startsOn(), a.exitOn(), hostHistory(id), recipients(id),
                pendingTransfer(id)));
    }

    public List<Recipient> recipients(UUID id) {
        return Sql.query(connection.get(), "select authority_id, joined_on, left_on, left_reason, service_level, account_manager, "
                        + "consent from recipient where arrangement_id = ? order by joined_on, authority_id",
                rs -> new Recipient(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class),
                        rs.getObject(3, LocalDate.class), rs.getString(4), rs.getString(5), rs.getString(6),
                        Consent.valueOf(rs.getString(7))), id);
    }

    /** Records a recipient; asking again a council that declined reopens its answer. */
    public void addRecipient(UUID id, Recipient r, String answeredBy, Instant answeredAt) {
        boolean answered = r.consent() != Consent.ASKED;
        Sql.update(connection.get(), "insert into recipient (arrangement_id, authority_id, joined_on, service_level, account_manager, "
                + "consent, answered_by, answered_at) values (?, ?, ?, ?, ?, ?, ?, ?) "
                + "on conflict (arrangement_id, authority_id, joined_on) do update set consent = excluded.consent, "
                + "answered_by = excluded.answered_by, answered_at = excluded.answered_at, service_level = excluded.service_level, "
                + "account_manager = excluded.account_manager where recipient.consent = 'DECLINED'",
                id, r.authorityId(), date(r.joinedOn()), r.serviceLevel(), r.accountManager(), r.consent().name(),
                answered ? answeredBy : null, answered ? Timestamp.from(answeredAt) : null);
    }

    /** The council's own answer to being asked to receive the service; 0 when it is no longer awaited. */
    public int answerAsRecipient(UUID id, Recipient r, String by, Instant at) {
        return Sql.update(connection.get(), "update recipient set consent = ?, answered_by = ?, answered_at = ? where arrangement_id = ? "
                + "and authority_id = ? and joined_on = ? and consent = 'ASKED'", r.consent().name(), by, Timestamp.from(at), id,
                r.authorityId(), date(r.joinedOn()));
    }

    public int recipientLeaves(UUID id, UUID authority, LocalDate leftOn, String reason) {
        return Sql.update(connection.get(), "update recipient set left_on = ?, left_reason = ? where arrangement_id = ? "
                + "and authority_id = ? and left_on is null and consent = 'ACCEPTED'", date(leftOn), reason, id, authority);
    }

    /** Lets a council asked to take part read the arrangement until it answers. */
    public void awaitAnswer(UUID id, UUID authority) {
        Sql.update(connection.get(), "insert into awaiting_answer (arrangement_id, authority_id) values (?, ?) on conflict do nothing",
                id, authority);
    }

    /** The council has answered; what it reads from now on follows from whether it took part. */
    public void answered(UUID id, UUID authority) {
        Sql.update(connection.get(), "delete from awaiting_answer where arrangement_id = ? and authority_id = ?", id, authority);
    }

    /** Whether the tenant has been asked to take part and not yet answered. */
    public boolean isAwaitingAnswerOf(UUID id, UUID authority) {
        return !Sql.query(connection.get(), "select 1 from awaiting_answer where arrangement_id = ? and authority_id = ?",
                rs -> 1, id, authority).isEmpty();
    }

    public void proposeTransfer(UUID id, HostTransfer t, String by, Instant at) {
        Sql.update(connection.get(), "insert into host_transfer (id, arrangement_id, from_authority_id, to_authority_id, effective_on, "
                + "answer, proposed_by, proposed_at) values (?, ?, ?, ?, ?, ?, ?, ?)", t.id(), id, t.fromAuthorityId(),
                t.toAuthorityId(), date(t.effectiveOn()), t.answer().name(), by, Timestamp.from(at));
    }

    public Optional<HostTransfer> pendingTransfer(UUID id) {
        return Sql.query(connection.get(), "select id, from_authority_id, to_authority_id, effective_on, answer from host_transfer "
                        + "where arrangement_id = ? and answer = 'ASKED'", rs -> new HostTransfer(rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class), rs.getObject(3, UUID.class), rs.getObject(4, LocalDate.class),
                        Consent.valueOf(rs.getString(5))), id).stream().findFirst();
    }

    /** The proposed host's answer; 0 when it is no longer awaited. */
    public int answerTransfer(HostTransfer t, String by, Instant at) {
        return Sql.update(connection.get(), "update host_transfer set answer = ?, answered_by = ?, answered_at = ? where id = ? "
                + "and answer = 'ASKED'", t.answer().name(), by, Timestamp.from(at), t.id());
    }

    public void addRecharge(UUID id, UUID recipient, LocalDate from, LocalDate to, long pence, String by, Instant at) {
        Sql.update(connection.get(), "insert into recharge (id, arrangement_id, recipient_authority_id, period_from, period_to, "
                + "amount_pence, issued_by, issued_at) values (?, ?, ?, ?, ?, ?, ?, ?)", UUID.randomUUID(), id, recipient,
                date(from), date(to), pence, by, Timestamp.from(at));
    }

    /** The recharges for periods starting in the year. */
    public List<Savings.Recharge> rechargesIn(UUID id, FinancialYear year) {
        return Sql.query(connection.get(), "select recipient_authority_id, period_from, amount_pence from recharge "
                        + "where arrangement_id = ? and period_from between ? and ? order by period_from",
                rs -> new Savings.Recharge(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class), rs.getLong(3)),
                id, date(year.firstDay()), date(year.lastDay()));
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

    /** A host's running cost for a year it hosted; each host of the year keeps its own. */
    public void setRunningCost(UUID id, String year, UUID host, long pence) {
        Sql.update(connection.get(), "insert into running_cost (arrangement_id, financial_year, host_authority_id, cost_pence) "
                + "values (?, ?, ?, ?) on conflict (arrangement_id, financial_year, host_authority_id) "
                + "do update set cost_pence = excluded.cost_pence", id, year, host, pence);
    }

    /** Each host's running cost for the year. */
    public Map<UUID, Long> runningCosts(UUID id, String year) {
        Map<UUID, Long> costs = new LinkedHashMap<>();
        Sql.query(connection.get(), "select host_authority_id, cost_pence from running_cost where arrangement_id = ? "
                        + "and financial_year = ?", rs -> Map.entry(rs.getObject(1, UUID.class), rs.getLong(2)), id, year)
                .forEach(e -> costs.put(e.getKey(), e.getValue()));
        return costs;
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
