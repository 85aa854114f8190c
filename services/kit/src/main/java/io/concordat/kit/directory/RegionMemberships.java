package io.concordat.kit.directory;

import io.concordat.events.EventTypes;
import io.concordat.events.tenants.v1.MembershipApproved;
import io.concordat.events.tenants.v1.MembershipEnded;
import io.concordat.events.tenants.v1.RegionClosed;
import io.concordat.events.tenants.v1.RegionCreated;
import io.concordat.kit.inbox.EventSubscriber;
import io.concordat.kit.inbox.Subscriptions;
import io.concordat.kit.problem.ProblemException;
import io.micronaut.context.annotation.Requires;
import io.concordat.kit.store.CurrentConnection;
import io.concordat.kit.store.Sql;
import jakarta.inject.Singleton;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
public class RegionMemberships implements EventSubscriber {

    private static final ZoneId UK = ZoneId.of("Europe/London");
    private static final String JOIN = """
            insert into region_membership (region_id, authority_id, joined_on) select ?, ?, ?
            where not exists (select 1 from region_membership where region_id = ? and authority_id = ? and left_on is null)""";
    private static final String ON_DAY = "joined_on <= ? and (left_on is null or left_on > ?)";
    private static final String LEAVE = """
            update region_membership set left_on = ? where region_id = ? and authority_id = ? and left_on is null""";

    private final CurrentConnection connection;

    public RegionMemberships(CurrentConnection connection) {
        this.connection = connection;
    }

    @Override
    public void subscribe(Subscriptions on) {
        on.event(EventTypes.REGION_CREATED, (created, event) -> {
            name(created.regionId(), created.name(), created.kind());
            LocalDate joined = created.membersJoinedOn() != null ? created.membersJoinedOn()
                    : LocalDate.ofInstant(created.createdAt(), UK);
            created.memberAuthorityIds().forEach(member -> join(created.regionId(), member, joined));
        });
        on.event(EventTypes.MEMBERSHIP_APPROVED, (approved, event) -> {
            join(approved.regionId(), approved.authorityId(), approved.joinedOn());
        });
        on.event(EventTypes.REGION_CLOSED, (closed, event) -> {
            close(closed.regionId(), closed.closedOn());
        });
        on.event(EventTypes.MEMBERSHIP_ENDED, (ended, event) -> {
            leave(ended.regionId(), ended.authorityId(), ended.leftOn());
        });
    }

    /**
     * Refuses sharing anything new with a closed region. Call inside a transaction.
     *
     * @throws ProblemException 409 naming the closed regions among those given
     */
    public void requireOpen(Collection<UUID> regionIds) {
        if (regionIds.isEmpty()) {
            return;
        }
        List<UUID> closed;
        try {
            closed = Sql.query(connection.get(), "select id from known_region where id = any(?) and closed_on is not null "
                    + "order by id", RegionMemberships::uuid, connection.get().createArrayOf("uuid", regionIds.toArray()));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot look up regions " + regionIds, e);
        }
        if (!closed.isEmpty()) {
            throw ProblemException.conflict("region-closed", "Nothing new is shared with a closed region: " + closed + ".",
                    Map.of("regions", closed.stream().map(UUID::toString).toList()));
        }
    }

    /** Whether the authority is a member of the region today. Call inside a transaction. */
    public boolean isMember(UUID authorityId, UUID regionId) {
        return !Sql.query(connection.get(), "select 1 from region_membership where region_id = ? and authority_id = ? "
                + "and left_on is null", rs -> 1, regionId, authorityId).isEmpty();
    }

    /** Whether the authority was (or is) a member of the region on the given day. Call inside a transaction. */
    public boolean isMember(UUID authorityId, UUID regionId, LocalDate on) {
        return !Sql.query(connection.get(), "select 1 from region_membership where region_id = ? and authority_id = ? and "
                + ON_DAY, rs -> 1, regionId, authorityId, Date.valueOf(on), Date.valueOf(on)).isEmpty();
    }

    /** The authorities that were (or are) members of the region on the given day. Call inside a transaction. */
    public Set<UUID> membersOf(UUID regionId, LocalDate on) {
        return new LinkedHashSet<>(Sql.query(connection.get(), "select distinct authority_id from region_membership "
                + "where region_id = ? and " + ON_DAY, RegionMemberships::uuid, regionId, Date.valueOf(on), Date.valueOf(on)));
    }

    /** The region's name, or its id when this service has not heard of it. Call inside a transaction. */
    public String nameOf(UUID regionId) {
        return Sql.query(connection.get(), "select name from known_region where id = ?", rs -> rs.getString(1), regionId)
                .stream().findFirst().orElse(regionId.toString());
    }

    /** The authorities that are members of the region today. Call inside a transaction. */
    public Set<UUID> membersOf(UUID regionId) {
        return new LinkedHashSet<>(Sql.query(connection.get(), "select authority_id from region_membership "
                + "where region_id = ? and left_on is null", RegionMemberships::uuid, regionId));
    }

    /** The regions the authority is a member of today. Call inside a transaction. */
    public List<UUID> regionsOf(UUID authorityId) {
        return Sql.query(connection.get(), "select region_id from region_membership where authority_id = ? "
                + "and left_on is null order by region_id", RegionMemberships::uuid, authorityId);
    }

    /** The regions the authority is a member of today that are not closed: those it may share with. */
    public List<UUID> openRegionsOf(UUID authorityId) {
        return Sql.query(connection.get(), """
                select m.region_id from region_membership m
                where m.authority_id = ? and m.left_on is null
                  and not exists (select 1 from known_region r where r.id = m.region_id and r.closed_on is not null)
                order by m.region_id""", RegionMemberships::uuid, authorityId);
    }

    private void name(UUID regionId, String name, String kind) {
        Sql.update(connection.get(), """
                insert into known_region (id, name, kind) values (?, ?, ?)
                on conflict (id) do update set name = excluded.name, kind = excluded.kind""", regionId, name, kind);
    }

    private void close(UUID regionId, LocalDate closedOn) {
        Sql.update(connection.get(), """
                insert into known_region (id, name, kind, closed_on) values (?, ?, 'OTHER', ?)
                on conflict (id) do update set closed_on = excluded.closed_on""", regionId, regionId.toString(),
                Date.valueOf(closedOn));
    }

    private void join(UUID regionId, UUID authorityId, LocalDate joinedOn) {
        Sql.update(connection.get(), JOIN, regionId, authorityId, Date.valueOf(joinedOn), regionId, authorityId);
    }

    private void leave(UUID regionId, UUID authorityId, LocalDate leftOn) {
        Sql.update(connection.get(), LEAVE, Date.valueOf(leftOn), regionId, authorityId);
    }

    private static UUID uuid(ResultSet rs) throws SQLException {
        return rs.getObject(1, UUID.class);
    }
}
