package io.concordat.kit.directory;

import io.concordat.events.EventCodec;
import io.concordat.events.EventEnvelope;
import io.concordat.events.EventTypes;
import io.concordat.events.Topics;
import io.concordat.events.tenants.v1.AuthorityApproved;
import io.concordat.events.tenants.v1.AuthorityRegistered;
import io.concordat.events.tenants.v1.AuthoritySuspended;
import io.concordat.kit.inbox.EventHandler;
import io.concordat.kit.tenancy.AuthorityStanding;
import io.micronaut.context.annotation.Requires;
import io.micronaut.json.JsonMapper;
import io.concordat.kit.store.CurrentConnection;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Set;
import java.util.UUID;

/**
 * A service's own copy of the registered authorities, kept from the tenants topic, so that it
 * can check an authority without calling the tenants service, and refuse a suspended authority's
 * staff within seconds of the suspension. Switched on with {@code concordat.directory.enabled=true}.
 */
@Singleton
@Requires(property = "concordat.directory.enabled", value = "true")
public class AuthorityDirectory implements EventHandler, AuthorityStanding {

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
    private final EventCodec codec;

    public AuthorityDirectory(CurrentConnection connection, JsonMapper json) {
        this.connection = connection;
        this.codec = new EventCodec(json);
    }

    @Override
    public Set<String> topics() {
        return Set.of(Topics.TENANTS);
    }

    @Override
    public void handle(EventEnvelope event, String topic) {
        if (EventTypes.AUTHORITY_SUSPENDED.type().equals(event.type())) {
            AuthoritySuspended suspended = codec.decode(event, EventTypes.AUTHORITY_SUSPENDED);
            status(suspended.authorityId(), "SUSPENDED", suspended.suspendedAt());
            return;
        }
        if (EventTypes.AUTHORITY_APPROVED.type().equals(event.type())) {
            AuthorityApproved approved = codec.decode(event, EventTypes.AUTHORITY_APPROVED);
            status(approved.authorityId(), "APPROVED", approved.approvedAt());
            return;
        }
        if (!EventTypes.AUTHORITY_REGISTERED.type().equals(event.type())) {
            return;
        }
        AuthorityRegistered registered = codec.decode(event, EventTypes.AUTHORITY_REGISTERED);
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
