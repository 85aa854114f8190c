package io.concordat.opportunities.store;

import io.concordat.kit.store.CurrentConnection;
import io.concordat.kit.store.Sql;
import io.concordat.opportunities.domain.Vacancy;
import io.concordat.opportunities.domain.VacancyStatus;
import jakarta.inject.Singleton;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Vacant posts. Row-level security shows a vacancy to its authority and to the authorities that
 * share a region with it today, and to no one else.
 */
@Singleton
public class VacancyStore {

    private static final String COLUMNS = "id, authority_id, title, service_area, grade, closing_date, status, opportunity_id, "
            + "posted_at, closed_on";
    /** Recruiting today: open, its closing date not passed. */
    private static final String OPEN_TODAY = "status = 'OPEN' and closing_date >= ?";

    private final CurrentConnection connection;

    public VacancyStore(CurrentConnection connection) {
        this.connection = connection;
    }

    public void post(Vacancy vacancy, String postedBy) {
        Sql.update(connection.get(), "insert into vacancy (id, authority_id, title, service_area, grade, closing_date, status, "
                        + "posted_by, posted_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                vacancy.id(), vacancy.authorityId(), vacancy.title(), vacancy.serviceArea(), vacancy.grade(),
                Date.valueOf(vacancy.closingDate()), vacancy.status().name(), postedBy, Timestamp.from(vacancy.postedAt()));
    }

    public Optional<Vacancy> find(UUID id) {
        return Sql.query(connection.get(), "select " + COLUMNS + " from vacancy where id = ?", VacancyStore::row, id)
                .stream().findFirst();
    }

    /** Vacancies the tenant may see that are recruiting on the day, optionally in one service area, soonest closing first. */
    public List<Vacancy> openOn(LocalDate day, String serviceArea) {
        return serviceArea == null
                ? Sql.query(connection.get(), "select " + COLUMNS + " from vacancy where " + OPEN_TODAY
                + " order by closing_date, id", VacancyStore::row, Date.valueOf(day))
                : Sql.query(connection.get(), "select " + COLUMNS + " from vacancy where " + OPEN_TODAY
                + " and service_area = ? order by closing_date, id", VacancyStore::row, Date.valueOf(day), serviceArea);
    }

    /** The authority's own vacancies recruiting on the day, soonest closing first. */
    public List<Vacancy> openOf(UUID authorityId, LocalDate day) {
        return Sql.query(connection.get(), "select " + COLUMNS + " from vacancy where authority_id = ? and " + OPEN_TODAY
                + " order by closing_date, id", VacancyStore::row, authorityId, Date.valueOf(day));
    }

    /**
     * Keeps a vacancy's status, its opportunity and when and by whom it closed, if it is still open.
     *
     * @return false when another request closed it first (nothing is changed then)
     */
    public boolean close(Vacancy vacancy, String closedBy) {
        return Sql.update(connection.get(), "update vacancy set status = ?, opportunity_id = ?, closed_on = ?, closed_by = ? "
                        + "where id = ? and status = 'OPEN'", vacancy.status().name(), vacancy.opportunityId(),
                vacancy.closedOn() == null ? null : Date.valueOf(vacancy.closedOn()), closedBy, vacancy.id()) == 1;
    }

    /** Authorities that took part in visible opportunities of the service area, with one title each. */
    public List<Interest> interestIn(String serviceArea) {
        return Sql.query(connection.get(), """
                select distinct on (p.authority_id) p.authority_id, o.title from participant p
                join opportunity o on o.id = p.opportunity_id
                where o.service_area = ? and p.status <> 'WITHDRAWN' order by p.authority_id, o.proposed_at desc""",
                rs -> new Interest(rs.getObject(1, UUID.class), rs.getString(2)), serviceArea);
    }

    /** Shared services of the area that the tenant may see, with their hosts. */
    public List<Hosting> hosting(String serviceArea) {
        return Sql.query(connection.get(), "select host_authority_id, title from hosted_service where service_area = ? and active "
                + "order by title", rs -> new Hosting(rs.getObject(1, UUID.class), rs.getString(2)), serviceArea);
    }

    /** A council hosting a shared service. */
    public record Hosting(UUID authorityId, String title) {
    }

    /** An authority that took part in an opportunity. */
    public record Interest(UUID authorityId, String opportunityTitle) {
    }

    private static Vacancy row(ResultSet rs) throws SQLException {
        return new Vacancy(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getObject(6, LocalDate.class), VacancyStatus.valueOf(rs.getString(7)),
                rs.getObject(8, UUID.class), rs.getTimestamp(9).toInstant(), rs.getObject(10, LocalDate.class));
    }
}
