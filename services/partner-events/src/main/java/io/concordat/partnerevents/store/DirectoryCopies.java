package io.concordat.partnerevents.store;

import io.concordat.kit.store.CurrentConnection;
import io.concordat.partnerevents.domain.Audience;
import io.concordat.partnerevents.domain.Period;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * This service's own copies of what decides who may read an event: region memberships with
 * their dates (kept by the kit's directory), who takes part in each arrangement and when, and
 * each aggregate's service area.
 */
@Singleton
public class DirectoryCopies {

    private final CurrentConnection current;

    public DirectoryCopies(CurrentConnection current) {
        this.current = current;
    }

    /** Records that the authority takes part in the subject from the day (once per open period). */
    public void joins(String subject, UUID authority, LocalDate since) {
        update("""
                insert into subject_party (subject, authority_id, since) select ?, ?, ?
                where not exists (select 1 from subject_party where subject = ? and authority_id = ? and until is null)
                on conflict do nothing""", subject, authority, since, subject, authority);
    }

    public void leaves(String subject, UUID authority, LocalDate until) {
        update("update subject_party set until = ? where subject = ? and authority_id = ? and until is null",
                until, subject, authority);
    }

    public void recordArea(String subject, String area) {
        update("insert into subject_area (subject, service_area) values (?, ?) on conflict do nothing", subject, area);
    }

    public Optional<String> areaOf(String subject) {
        try (PreparedStatement s = current.get().prepareStatement("select service_area from subject_area where subject = ?")) {
            s.setString(1, subject);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read service areas", e);
        }
    }

    /** What an authority could read: its membership periods and its periods of taking part. */
    public Audience audienceOf(UUID authority) {
        Map<UUID, List<Period>> memberships = new HashMap<>();
        Map<String, List<Period>> participation = new HashMap<>();
        try (PreparedStatement s = current.get().prepareStatement(
                "select region_id, joined_on, left_on from region_membership where authority_id = ?")) {
            s.setObject(1, authority);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    memberships.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(new Period(rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read region memberships", e);
        }
        try (PreparedStatement s = current.get().prepareStatement(
                "select subject, since, until from subject_party where authority_id = ?")) {
            s.setObject(1, authority);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    participation.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(new Period(rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read who takes part", e);
        }
        return Audience.ofAuthority(authority, memberships, participation);
    }

    private void update(String sql, Object... values) {
        try (PreparedStatement s = current.get().prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot update the directory copies", e);
        }
    }
}
