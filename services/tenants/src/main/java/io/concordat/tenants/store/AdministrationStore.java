package io.concordat.tenants.store;

import io.concordat.kit.store.CurrentConnection;
import io.concordat.kit.store.Sql;
import jakarta.inject.Singleton;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The records of the platform's administration: rejected registrations and closed regions. */
@Singleton
public class AdministrationStore {

    private final CurrentConnection connection;

    public AdministrationStore(CurrentConnection connection) {
        this.connection = connection;
    }

    /** How a registration was rejected. */
    public record Rejection(String reason, String rejectedBy, Instant rejectedAt) {
    }

    /** How a region was closed. */
    public record Closing(LocalDate closedOn, String reason, String closedBy, Instant closedAt) {
    }

    /** Marks the registration rejected and frees the identifiers it claimed, keeping them on the record. */
    public void reject(UUID authorityId, String reason, String rejectedBy, Instant at) {
        Sql.update(connection.get(), """
                update authority set status = 'REJECTED', rejected_at = ?, rejected_by = ?, rejected_reason = ?,
                       rejected_gss_code = gss_code, rejected_email_domains = email_domains,
                       rejected_first_admin_email = first_admin_email,
                       gss_code = null, email_domains = '{}', first_admin_email = null
                where id = ?""", Timestamp.from(at), rejectedBy, reason, authorityId);
    }

    public Optional<Rejection> rejection(UUID authorityId) {
        return Sql.query(connection.get(), "select rejected_reason, rejected_by, rejected_at from authority "
                        + "where id = ? and rejected_at is not null",
                rs -> new Rejection(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()), authorityId)
                .stream().findFirst();
    }

    public void agree(UUID regionId, UUID authorityId, String agreedBy, Instant at, String reason) {
        Sql.update(connection.get(), """
                insert into region_closure_agreement (region_id, authority_id, agreed_by, agreed_at, reason)
                values (?, ?, ?, ?, ?) on conflict (region_id, authority_id) do nothing""",
                regionId, authorityId, agreedBy, Timestamp.from(at), reason);
    }

    public Set<UUID> agreed(UUID regionId) {
        return new LinkedHashSet<>(Sql.query(connection.get(),
                "select authority_id from region_closure_agreement where region_id = ? order by agreed_at",
                rs -> rs.getObject(1, UUID.class), regionId));
    }

    public void close(UUID regionId, LocalDate closedOn, String reason, String closedBy, Instant at) {
        Sql.update(connection.get(), """
                update region set closed_on = ?, closed_at = ?, closed_by = ?, closed_reason = ?
                where id = ? and closed_at is null""", closedOn, Timestamp.from(at), closedBy, reason, regionId);
    }

    public Optional<Closing> closing(UUID regionId) {
        return Sql.query(connection.get(), "select closed_on, closed_reason, closed_by, closed_at from region "
                        + "where id = ? and closed_at is not null",
                rs -> new Closing(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant()), regionId).stream().findFirst();
    }
}
