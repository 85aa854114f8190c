package io.concordat.kit.directory;

import io.concordat.events.EventTypes;
import io.concordat.events.tenants.v1.AuthorityRegistered;
import io.concordat.kit.inbox.EventSubscriber;
import io.concordat.kit.inbox.Subscriptions;
import io.concordat.kit.tenancy.AuthorityStanding;
import io.micronaut.context.annotation.Requires;
import io.concordat.kit.store.CurrentConnection;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.UUID;

/**
 * A service's own copy of the registered authorities, kept from the tenants topic, so that it
 * can check an authority without calling the tenants service, and refuse a suspended authority's
 * staff within seconds of the suspension. Switched on with {@code concordat.directory.enabled=true}.
 */
@Singleton
@Requires(property = "concordat.directory.enabled", value = "true")
public class AuthorityDirectory implements EventSubscriber, AuthorityStanding {

    private static final String UPSERT = """
            insert into known_authority (id, name, kind, gss_code, registered_at, status) values (?, ?, ?, ?, ?, 'PENDING')
            on conflict (id) do update set name = excluded.name, kind = excluded.kind, gss_code = excluded.gss_code""";
    /**
     * A status changes only to a later one: a replay from offset 0 (reporting's rebuild) delivers an
     * authority's approval again before its suspension, and must not make it approved meanwhile.
     */
    private static final String STATUS = """
            update known_authority set status = ?, status_at = ? where id = ? and (status_at is null or status_at <= ?)""";

    private final CurrentConnection connection;

    public AuthorityDirectory(CurrentConnection connection) {
        this.connection = connection;
    }

    @Override
    public void subscribe(Subscriptions on) {
        on.event(EventTypes.AUTHORITY_SUSPENDED, (suspended, event) ->
                status(suspended.authorityId(), "SUSPENDED", suspended.suspendedAt()));
        on.event(EventTypes.AUTHORITY_APPROVED, (approved, event) ->
                status(approved.authorityId(), "APPROVED", approved.approvedAt()));
        on.event(EventTypes.AUTHORITY_REGISTERED, (registered, event) -> register(registered));
    }

    private void register(AuthorityRegistered registered) {
        try (PreparedStatement upsert = connection.get().prepareStatement(UPSERT)) {
            upsert.setObject(1, registered.authorityId());
            upsert.setString(2, registered.name());
            upsert.setString(3, registered.kind());
            upsert.setString(4, registered.gssCode());
            upsert.setTimestamp(5, Timestamp.from(registered.registeredAt()));
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record authority " + registered.authorityId(), e);
        }
    }

    private void status(UUID authorityId, String status, java.time.Instant at) {
        try (PreparedStatement update = connection.get().prepareStatement(STATUS)) {
            update.setString(1, status);
            update.setTimestamp(2, Timestamp.from(at));
            update.setObject(3, authorityId);
            update.setTimestamp(4, Timestamp.from(at));
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the status of authority " + authorityId, e);
        }
    }

    /** Whether the authority is suspended, as far as this service has heard. Call inside a transaction. */
    @Override
    public boolean isSuspended(UUID authorityId) {
        try (PreparedStatement find = connection.get().prepareStatement(
                "select 1 from known_authority where id = ? and status = 'SUSPENDED'")) {
            find.setObject(1, authorityId);
            try (ResultSet rs = find.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot look up authority " + authorityId, e);
        }
    }

    /** Whether the authority is registered, as far as this service has heard. Call inside a transaction. */
    public boolean isRegistered(UUID authorityId) {
        try (PreparedStatement find = connection.get().prepareStatement("select 1 from known_authority where id = ?")) {
            find.setObject(1, authorityId);
            try (ResultSet rs = find.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot look up authority " + authorityId, e);
        }
    }

    /** The authority's name, or its id when this service has not heard of it. Call inside a transaction. */
    public String nameOf(UUID authorityId) {
        try (PreparedStatement find = connection.get().prepareStatement("select name from known_authority where id = ?")) {
            find.setObject(1, authorityId);
            try (ResultSet rs = find.executeQuery()) {
                return rs.next() ? rs.getString(1) : authorityId.toString();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot look up authority " + authorityId, e);
        }
    }
}
