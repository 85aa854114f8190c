package io.concordat.reporting.store;

import io.concordat.kit.store.BatchedWrites;
import io.concordat.kit.store.CurrentConnection;
import io.concordat.kit.store.Sql;
import io.concordat.reporting.domain.ReportedPeriod;
import io.concordat.reporting.domain.Themes;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Writes the read models, one method per fact. Every write gives the same rows whether a fact
 * comes once or again, and whatever the order of facts about different aggregates, so a rebuild
 * from offset 0 reproduces them exactly. Recharges, savings and readings, which come many to an
 * arrangement and keep the latest by their own timestamps, are gathered and sent as one multi-row
 * statement each at the end of the consumer's batch ({@link BatchedWrites}).
 */
@Singleton
public class ProjectionStore {

    /** A recharge by the event that issued it: the first of a repeated event stays. */
    private static final BatchedWrites.Rows RECHARGE = BatchedWrites.rows("""
            insert into rpt_recharge (event_id, arrangement_id, recipient_authority_id, period_from, period_to, amount_pence)
            select event_id, arrangement_id, recipient_authority_id, period_from, period_to, amount_pence
            from (select distinct on (event_id) *
                  from unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::date[], ?::date[], ?::bigint[]) with ordinality
                       as r(event_id, arrangement_id, recipient_authority_id, period_from, period_to, amount_pence, arrival)
                  order by event_id, arrival) r
            on conflict (event_id) do nothing""", "uuid", "uuid", "uuid", "date", "date", "int8");

    /** The figure recorded last for an authority and year (of two recorded at once, the later to arrive). */
    private static final BatchedWrites.Rows SAVING = BatchedWrites.rows("""
            insert into rpt_saving (arrangement_id, authority_id, financial_year, baseline_pence, cost_pence, saving_pence,
                                    recorded_at)
            select arrangement_id, authority_id, financial_year, baseline_pence, cost_pence, saving_pence, recorded_at
            from (select distinct on (arrangement_id, authority_id, financial_year) *
                  from unnest(?::uuid[], ?::uuid[], ?::text[], ?::bigint[], ?::bigint[], ?::bigint[], ?::timestamptz[])
                       with ordinality as r(arrangement_id, authority_id, financial_year, baseline_pence, cost_pence,
                                            saving_pence, recorded_at, arrival)
                  order by arrangement_id, authority_id, financial_year, recorded_at desc, arrival desc) r
            on conflict (arrangement_id, authority_id, financial_year) do update
                set baseline_pence = excluded.baseline_pence, cost_pence = excluded.cost_pence,
                    saving_pence = excluded.saving_pence, recorded_at = excluded.recorded_at
            where rpt_saving.recorded_at <= excluded.recorded_at""",
            "uuid", "uuid", "text", "int8", "int8", "int8", "timestamptz");

    /** The columns of a reading, as {@link #reading} gathers them for both of its statements. */
    private static final String READINGS = """
            unnest(?::uuid[], ?::uuid[], ?::text[], ?::uuid[], ?::text[], ?::numeric[], ?::numeric[], ?::text[],
                   ?::timestamptz[], ?::date[], ?::date[], ?::date[]) with ordinality
                as r(indicator_id, recipient_authority_id, period, arrangement_id, indicator_name, value, target, rating,
                     reported_at, period_first_day, period_last_day, filed_on, arrival)""";
    private static final String[] READING_TYPES = {"uuid", "uuid", "text", "uuid", "text", "numeric", "numeric", "text",
            "timestamptz", "date", "date", "date"};

    /** A reading per indicator, recipient and period: the one reported last (of two at once, the later to arrive). */
    private static final BatchedWrites.Rows READING = BatchedWrites.rows("""
            insert into rpt_indicator_reading (indicator_id, recipient_authority_id, period, arrangement_id, indicator_name,
                                               value, target, rating, reported_at, period_first_day, period_last_day, filed_on)
            select indicator_id, recipient_authority_id, period, arrangement_id, indicator_name, value, target, rating,
                   reported_at, period_first_day, period_last_day, filed_on
            from (select distinct on (indicator_id, recipient_authority_id, period) *
                  from %s
                  order by indicator_id, recipient_authority_id, period, reported_at desc, arrival desc) r
            on conflict (indicator_id, recipient_authority_id, period) do update
                set value = excluded.value, target = excluded.target, rating = excluded.rating,
                    reported_at = excluded.reported_at, period_first_day = excluded.period_first_day,
                    period_last_day = excluded.period_last_day, filed_on = excluded.filed_on
            where rpt_indicator_reading.reported_at <= excluded.reported_at""".formatted(READINGS), READING_TYPES);

    /** The latest reading per indicator and recipient: the latest filed, then reported, then period, then arrival. */
    private static final BatchedWrites.Rows LATEST_READING = BatchedWrites.rows("""
            insert into rpt_indicator_latest (indicator_id, recipient_authority_id, period, arrangement_id, indicator_name,
                                              value, target, rating, reported_at, period_first_day, period_last_day, filed_on)
            select indicator_id, recipient_authority_id, period, arrangement_id, indicator_name, value, target, rating,
                   reported_at, period_first_day, period_last_day, filed_on
            from (select distinct on (indicator_id, recipient_authority_id) *
                  from %s
                  order by indicator_id, recipient_authority_id, filed_on desc, reported_at desc, period desc,
                           arrival desc) r
            on conflict (indicator_id, recipient_authority_id) do update
                set indicator_name = excluded.indicator_name, period = excluded.period, value = excluded.value,
                    target = excluded.target, rating = excluded.rating, reported_at = excluded.reported_at,
                    period_first_day = excluded.period_first_day, period_last_day = excluded.period_last_day,
                    filed_on = excluded.filed_on
            where (rpt_indicator_latest.filed_on, rpt_indicator_latest.reported_at, rpt_indicator_latest.period)
                  <= (excluded.filed_on, excluded.reported_at, excluded.period)""".formatted(READINGS), READING_TYPES);

    private final CurrentConnection connection;
    private final BatchedWrites batched;

    public ProjectionStore(CurrentConnection connection, BatchedWrites batched) {
        this.connection = connection;
        this.batched = batched;
    }

    public void opportunityProposed(UUID id, UUID authority, String title, String serviceArea, String model,
                                    String horizon, List<UUID> regions, Instant proposedAt) {
        update("""
                insert into rpt_opportunity (opportunity_id, authority_id, title, service_area, theme, model, horizon, stage,
                                             region_ids, participant_ids, proposed_at, stage_changed_at)
                values (?, ?, ?, ?, ?, ?, ?, 'IDEA', ?, ?, ?, ?) on conflict (opportunity_id) do nothing""",
                id, authority, title, serviceArea, Themes.of(serviceArea), model, horizon, uuids(regions),
                uuids(List.of(authority)), time(proposedAt), time(proposedAt));
    }

    public void stageChanged(UUID id, String stage, List<UUID> regions, Instant at) {
        update("update rpt_opportunity set stage = ?, region_ids = ?, stage_changed_at = ? where opportunity_id = ?",
                stage, uuids(regions), time(at), id);
    }

    /** A council joined (or withdrew from) an opportunity; taking part lets it see the opportunity. */
    public void participation(UUID id, UUID authority, boolean takesPart) {
        if (takesPart) {
            update("update rpt_opportunity set participant_ids = array_append(participant_ids, ?) "
                   + "where opportunity_id = ? and not (? = any(participant_ids))", authority, id, authority);
        } else {
            update("update rpt_opportunity set participant_ids = array_remove(participant_ids, ?) "
                   + "where opportunity_id = ? and authority_id <> ?", authority, id, authority);
        }
    }

    /** A business case version replaces the projections of any earlier version. */
    public void businessCase(UUID id, int version, List<ProjectedSaving> savings) {
        batched.flush();
        Integer latest = Sql.query(connection.get(), "select max(version) from rpt_projected_saving where opportunity_id = ?",
                rs -> (Integer) rs.getObject(1), id).get(0);
        if (latest != null && latest > version) {
            return;
        }
        update("delete from rpt_projected_saving where opportunity_id = ?", id);
        for (ProjectedSaving saving : savings) {
            update("""
                    insert into rpt_projected_saving (opportunity_id, authority_id, financial_year, amount_pence, version)
                    values (?, ?, ?, ?, ?)
                    on conflict (opportunity_id, authority_id, financial_year)
                    do update set amount_pence = rpt_projected_saving.amount_pence + excluded.amount_pence""",
                    id, saving.authorityId(), saving.financialYear(), saving.annualPence(), version);
        }
    }

    /** One authority's projected annual saving in one financial year, in pence. */
    public record ProjectedSaving(UUID authorityId, String financialYear, long annualPence) {
    }

    public void recommendation(UUID id, UUID region, boolean recommended, String rule, int inFavour, int against,
                               String reason, Instant at) {
        update("""
                insert into rpt_recommendation (opportunity_id, region_id, recommended, rule, in_favour, against, reason, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""",
                id, region, recommended, rule, inFavour, against, reason, time(at));
    }

    public void decision(UUID id, UUID authority, String outcome, String body, LocalDate on, String minute, Instant at) {
        update("""
                insert into rpt_decision (opportunity_id, authority_id, outcome, body, decided_on, minute_reference, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (opportunity_id, authority_id) do update set outcome = excluded.outcome, body = excluded.body,
                    decided_on = excluded.decided_on, minute_reference = excluded.minute_reference,
                    recorded_at = excluded.recorded_at
                where rpt_decision.recorded_at <= excluded.recorded_at""", id, authority, outcome, body, on, minute, time(at));
    }

    public void approved(UUID id, Instant at) {
        update("update rpt_opportunity set approved_at = ? where opportunity_id = ?", time(at), id);
    }

    public void vacancy(UUID id, UUID authority, String title, String serviceArea, String grade, LocalDate closing,
                        Instant postedAt) {
        update("""
                insert into rpt_vacancy (vacancy_id, authority_id, title, service_area, theme, grade, closing_date, posted_at)
                values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (vacancy_id) do nothing""",
                id, authority, title, serviceArea, Themes.of(serviceArea), grade, closing, time(postedAt));
    }

    public void vacancyClosed(UUID id, String reason, LocalDate closedOn) {
        update("update rpt_vacancy set closed_on = ?, close_reason = ? where vacancy_id = ?", closedOn, reason, id);
    }

    public void arrangementAgreed(UUID id, String title, String serviceArea, UUID host, List<UUID> recipients,
                                  List<UUID> regions, String basis, LocalDate startsOn, LocalDate endsOn,
                                  UUID opportunity, Instant agreedAt) {
        List<UUID> parties = new ArrayList<>(List.of(host));
        recipients.stream().filter(r -> !parties.contains(r)).forEach(parties::add);
        update("""
                insert into rpt_arrangement (arrangement_id, title, service_area, theme, host_authority_id, party_ids, region_ids,
                                             basis, starts_on, ends_on, status, opportunity_id, agreed_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'AGREED', ?, ?) on conflict (arrangement_id) do nothing""",
                id, title, serviceArea, Themes.of(serviceArea), host, uuids(parties), uuids(regions), basis, startsOn,
                endsOn, opportunity, time(agreedAt));
        List<UUID> readers = new ArrayList<>(parties);
        readers.addAll(regions);
        readers(id, readers);
    }

    /** Lets authorities or regions read the arrangement and its detail (the detail tables' policies look here). */
    private void readers(UUID id, List<UUID> readers) {
        update("""
                insert into rpt_arrangement_reader (reader_id, arrangement_id)
                select distinct r, ?::uuid from unnest(?::uuid[]) r on conflict do nothing""", id, uuids(readers));
    }

    public void arrangementStarted(UUID id) {
        update("update rpt_arrangement set status = 'ACTIVE' where arrangement_id = ? and status = 'AGREED'", id);
    }

    public void hostTransferred(UUID id, UUID to) {
        update("""
                update rpt_arrangement set host_authority_id = ?,
                    party_ids = case when ? = any(party_ids) then party_ids else array_append(party_ids, ?) end
                where arrangement_id = ?""", to, to, to, id);
        readers(id, List.of(to));
    }

    public void recipientJoined(UUID id, UUID authority, LocalDate on) {
        update("insert into rpt_recipient (arrangement_id, authority_id, joined_on) values (?, ?, ?) on conflict do nothing",
                id, authority, on);
        update("update rpt_arrangement set party_ids = array_append(party_ids, ?) "
               + "where arrangement_id = ? and not (? = any(party_ids))", authority, id, authority);
        readers(id, List.of(authority));
    }

    public void recipientLeft(UUID id, UUID authority, LocalDate on) {
        update("update rpt_recipient set left_on = ? where arrangement_id = ? and authority_id = ? and left_on is null",
                on, id, authority);
    }

    public void recharge(UUID eventId, UUID id, UUID recipient, LocalDate from, LocalDate to, long pence) {
        batched.write(RECHARGE, eventId, id, recipient, from, to, pence);
    }

    /** The ledger's figure for an authority and year; a later recording replaces an earlier one. */
    public void saving(UUID id, UUID authority, String financialYear, long baseline, long cost, long saving, Instant at) {
        batched.write(SAVING, id, authority, financialYear, baseline, cost, saving, time(at));
    }

    /**
     * A reading, kept with the days of its period and the day reports file it under; the latest per
     * indicator and recipient is the one of the latest period (the latest filed), then the latest reported.
     */
    public void reading(UUID id, UUID indicator, String name, UUID recipient, String period, ReportedPeriod days,
                        BigDecimal value, BigDecimal target, String rating, Instant at) {
        Object[] row = {indicator, recipient, period, id, name, value, target, rating, time(at), days.firstDay(),
                days.lastDay(), days.filedOn()};
        batched.write(READING, row);
        batched.write(LATEST_READING, row);
    }

    public void reviewScheduled(UUID id, UUID review, String kind, LocalDate dueOn) {
        update("""
                insert into rpt_review (review_id, arrangement_id, kind, due_on) values (?, ?, ?, ?)
                on conflict (review_id) do update set due_on = excluded.due_on""", review, id, kind, dueOn);
    }

    public void reviewCompleted(UUID id, UUID review, String kind, String outcome, String decidedBy, LocalDate on,
                                String note) {
        update("""
                insert into rpt_review (review_id, arrangement_id, kind, outcome, decided_by, completed_on, note)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (review_id) do update set outcome = excluded.outcome, decided_by = excluded.decided_by,
                    completed_on = excluded.completed_on, note = excluded.note""",
                review, id, kind, outcome, decidedBy, on, note);
    }

    /**
     * The arrangement ended: every recipient still receiving it left on the exit date. One whose
     * leaving was recorded before keeps its date; a RecipientLeft after this (hosting may publish one
     * per recipient as it terminates) finds the recipient gone and changes nothing, in either order.
     */
    public void terminated(UUID id, LocalDate exitOn, String reason) {
        update("update rpt_arrangement set status = 'TERMINATED', exit_on = ?, termination_reason = ? where arrangement_id = ?",
                exitOn, reason, id);
        update("update rpt_recipient set left_on = ? where arrangement_id = ? and left_on is null", exitOn, id);
    }

    /**
     * Sends what was gathered first, so a gathered write sees the rows of every event before its
     * own and none after, as it would have run at once: a reading refused for an arrangement not
     * yet agreed is refused however the events fall into batches.
     */
    private void update(String sql, Object... parameters) {
        batched.flush();
        Sql.update(connection.get(), sql, parameters);
    }

    private Array uuids(List<UUID> ids) {
        try {
            return connection.get().createArrayOf("uuid", ids.toArray());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot bind a list of ids", e);
        }
    }

    private static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
