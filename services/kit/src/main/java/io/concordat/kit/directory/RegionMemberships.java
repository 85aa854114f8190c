package io.concordat.kit.directory;

import io.concordat.events.EventCodec;
import io.concordat.events.EventEnvelope;
import io.concordat.events.EventTypes;
import io.concordat.events.Topics;
import io.concordat.events.tenants.v1.MembershipApproved;
import io.concordat.events.tenants.v1.MembershipEnded;
import io.concordat.events.tenants.v1.RegionClosed;
import io.concordat.events.tenants.v1.RegionCreated;
import io.concordat.kit.inbox.EventHandler;
import io.concordat.kit.problem.ProblemException;
import io.micronaut.context.annotation.Requires;
import io.micronaut.json.JsonMapper;
import io.concordat.kit.store.CurrentConnection;
import jakarta.inject.Singleton;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import java.util.UUID;

/**
 * A service's own copy of who is a member of which region, kept from the tenants topic, so that
 * visibility is decided locally (row-level security reads it) without calling the tenants
 * service. Leaving keeps the row, with the day it ended. A membership is the period
 * {@code [joined_on, left_on)}: an authority that left may join again, on the same day too, and
 * each period is a row of its own, with the dates the tenants service recorded (which may be past).
 */
@Singleton
@Requires(property = "concordat.directory.enabled", value = "true")
public class RegionMemberships implements EventHandler {

    private static final ZoneId UK = ZoneId.of("Europe/London");
    private static final String JOIN = """
            insert into region_membership (region_id, authority_id, joined_on) select ?, ?, ?
            where not exists (select 1 from region_membership where region_id = ? and authority_id = ? and left_on is null)""";
    private static final String ON_DAY = "joined_on <= ? and (left_on is null or left_on > ?)";
    private static final String LEAVE = """
            update region_membership set left_on = ? where region_id = ? and authority_id = ? and left_on is null""";

    private final CurrentConnection connection;
    private final EventCodec codec;

    public RegionMemberships(CurrentConnection connection, JsonMapper json) {
        this.connection = connection;
        this.codec = new EventCodec(json);
    }

    @Override
    public Set<String> topics() {
        return Set.of(Topics.TENANTS);
    }

    @Override
    public void handle(EventEnvelope event, String topic) {
        String type = event.type();
        if (EventTypes.REGION_CREATED.type().equals(type)) {
            RegionCreated created = codec.decode(event, EventTypes.REGION_CREATED);
            name(created.regionId(), created.name(), created.kind());
            LocalDate joined = created.membersJoinedOn() != null ? created.membersJoinedOn()
                    : LocalDate.ofInstant(created.createdAt(), UK);
            created.memberAuthorityIds().forEach(member -> join(created.regionId(), member, joined));
        } else if (EventTypes.MEMBERSHIP_APPROVED.type().equals(type)) {
            MembershipApproved approved = codec.decode(event, EventTypes.MEMBERSHIP_APPROVED);
            join(approved.regionId(), approved.authorityId(), approved.joinedOn());
        } else if (EventTypes.REGION_CLOSED.type().equals(type)) {
            RegionClosed closed = codec.decode(event, EventTypes.REGION_CLOSED);
            close(closed.regionId(), closed.closedOn());
        } else if (EventTypes.MEMBERSHIP_ENDED.type().equals(type)) {
            MembershipEnded ended = codec.decode(event, EventTypes.MEMBERSHIP_ENDED);
            leave(ended.regionId(), ended.authorityId(), ended.leftOn());
        }
    }

    /**
     * Refuses sharing anything new with a closed region. Call inside a transaction.
     *
     * @throws ProblemException 409 naming the closed regions among those given
     */
    public void requireOpen(java.util.Collection<UUID> regionIds) {
        java.util.List<UUID> closed = new java.util.ArrayList<>();
        for (UUID regionId : regionIds) {
            try (PreparedStatement find = connection.get().prepareStatement(
                    "select 1 from known_region where id = ? and closed_on is not null")) {
                find.setObject(1, regionId);
                try (ResultSet rs = find.executeQuery()) {
                    if (rs.next()) {
                        closed.add(regionId);
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot look up region " + regionId, e);
            }
        }
        if (!closed.isEmpty()) {
            throw ProblemException.conflict("region-closed", "Nothing new is shared with a closed region: " + closed + ".",
                    java.util.Map.of("regions", closed.stream().map(UUID::toString).toList()));
        }
    }

    /** Whether the authority is a member of the region today. Call inside a transaction. */
    public boolean isMember(UUID authorityId, UUID regionId) {
        try (PreparedStatement find = connection.get().prepareStatement(
                "select 1 from region_membership where region_id = ? and authority_id = ? and left_on is null")) {
            find.setObject(1, regionId);
            find.setObject(2, authorityId);
            try (ResultSet rs = find.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot look up the membership of " + authorityId + " in " + regionId, e);
        }
    }

    /** Whether the authority was (or is) a member of the region on the given day. Call inside a transaction. */
    public boolean isMember(UUID authorityId, UUID regionId, LocalDate on) {
        try (PreparedStatement find = connection.get().prepareStatement(
                "select 1 from region_membership where region_id = ? and authority_id = ? and " + ON_DAY)) {
            find.setObject(1, regionId);
            find.setObject(2, authorityId);
            find.setDate(3, Date.valueOf(on));
            find.setDate(4, Date.valueOf(on));
            try (ResultSet rs = find.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot look up the membership of " + authorityId + " in " + regionId, e);
        }
    }

    /** The authorities that were (or are) members of the region on the given day. Call inside a transaction. */
    public java.util.Set<UUID> membersOf(UUID regionId, LocalDate on) {
        java.util.Set<UUID> members = new java.util.LinkedHashSet<>();
        try (PreparedStatement find = connection.get().prepareStatement(
                "select distinct authority_id from region_membership where region_id = ? and " + ON_DAY)) {
            find.setObject(1, regionId);
            find.setDate(2, Date.valueOf(on));
            find.setDate(3, Date.valueOf(on));
            try (ResultSet rs = find.executeQuery()) {
                while (rs.next()) {
                    members.add(rs.getObject(1, UUID.class));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list the members of " + regionId, e);
        }
        return members;
    }

    /** The region's name, or its id when this service has not heard of it. Call inside a transaction. */
    public String nameOf(UUID regionId) {
        try (PreparedStatement find = connection.get().prepareStatement("select name from known_region where id = ?")) {
            find.setObject(1, regionId);
            try (ResultSet rs = find.executeQuery()) {
                return rs.next() ? rs.getString(1) : regionId.toString();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot look up region " + regionId, e);
        }
    }

    /** The authorities that are members of the region today. Call inside a transaction. */
    public java.util.Set<UUID> membersOf(UUID regionId) {
        java.util.Set<UUID> members = new java.util.LinkedHashSet<>();
        try (PreparedStatement find = connection.get().prepareStatement(
                "select authority_id from region_membership where region_id = ? and left_on is null")) {
            find.setObject(1, regionId);
            try (ResultSet rs = find.executeQuery()) {
                while (rs.next()) {
                    members.add(rs.getObject(1, UUID.class));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list the members of " + regionId, e);
        }
        return members;
    }

    /** The regions the authority is a member of today. Call inside a transaction. */
    public java.util.List<UUID> regionsOf(UUID authorityId) {
        java.util.List<UUID> regions = new java.util.ArrayList<>();
        try (PreparedStatement find = connection.get().prepareStatement(
                "select region_id from region_membership where authority_id = ? and left_on is null order by region_id")) {
            find.setObject(1, authorityId);
            try (ResultSet rs = find.executeQuery()) {
                while (rs.next()) {
                    regions.add(rs.getObject(1, UUID.class));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list the regions of " + authorityId, e);
        }
        return regions;
    }

    /** The regions the authority is a member of today that are not closed: those it may share with. */
    public java.util.List<UUID> openRegionsOf(UUID authorityId) {
        java.util.List<UUID> regions = new java.util.ArrayList<>();
        try (PreparedStatement find = connection.get().prepareStatement("""
                select m.region_id from region_membership m
                where m.authority_id = ? and m.left_on is null
                  and not exists (select 1 from known_region r where r.id = m.region_id and r.closed_on is not null)
                order by m.region_id""")) {
            find.setObject(1, authorityId);
            try (ResultSet rs = find.executeQuery()) {
                while (rs.next()) {
                    regions.add(rs.getObject(1, UUID.class));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list the open regions of " + authorityId, e);
        }
        return regions;
    }

    private void name(UUID regionId, String name, String kind) {
        try (PreparedStatement upsert = connection.get().prepareStatement("""
                insert into known_region (id, name, kind) values (?, ?, ?)
                on conflict (id) do update set name = excluded.name, kind = excluded.kind""")) {
            upsert.setObject(1, regionId);
            upsert.setString(2, name);
            upsert.setString(3, kind);
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record region " + regionId, e);
        }
    }

    private void close(UUID regionId, LocalDate closedOn) {
        try (PreparedStatement upsert = connection.get().prepareStatement("""
                insert into known_region (id, name, kind, closed_on) values (?, ?, 'OTHER', ?)
                on conflict (id) do update set closed_on = excluded.closed_on""")) {
            upsert.setObject(1, regionId);
            upsert.setString(2, regionId.toString());
            upsert.setDate(3, Date.valueOf(closedOn));
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record that region " + regionId + " closed", e);
        }
    }

    private void join(UUID regionId, UUID authorityId, LocalDate joinedOn) {
        try (PreparedStatement statement = connection.get().prepareStatement(JOIN)) {
            statement.setObject(1, regionId);
            statement.setObject(2, authorityId);
            statement.setDate(3, Date.valueOf(joinedOn));
            statement.setObject(4, regionId);
            statement.setObject(5, authorityId);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the membership of " + authorityId + " in " + regionId, e);
        }
    }

    private void leave(UUID regionId, UUID authorityId, LocalDate leftOn) {
        try (PreparedStatement statement = connection.get().prepareStatement(LEAVE)) {
            statement.setDate(1, Date.valueOf(leftOn));
            statement.setObject(2, regionId);
            statement.setObject(3, authorityId);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the membership of " + authorityId + " in " + regionId, e);
        }
    }
}
