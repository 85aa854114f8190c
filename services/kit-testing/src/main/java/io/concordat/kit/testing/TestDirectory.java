package io.concordat.kit.testing;

import io.concordat.events.EventEnvelope;
import io.concordat.events.EventTypes;
import io.concordat.events.tenants.v1.AuthorityRegistered;
import io.concordat.events.tenants.v1.RegionCreated;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Sets up authorities and regions in a service under test the way production does: by
 * publishing the tenants service's events and waiting until the service has taken them in.
 */
public final class TestDirectory {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private TestDirectory() {
    }

    /** Registers the authorities (id to name) and waits until {@code database} knows them all. */
    public static void registerAuthorities(String database, Map<UUID, String> names) {
        names.forEach((id, name) -> TestEvents.publish(EventTypes.AUTHORITY_REGISTERED, id.toString(), id,
                new AuthorityRegistered(id, name, "DISTRICT", null, List.of(), Instant.now())));
        String ids = names.keySet().stream().map(id -> "'" + id + "'").collect(Collectors.joining(","));
        Eventually.until(names.size() + " authorities known to " + database, WAIT,
                () -> Superuser.count(database, "select count(*) from known_authority where id in (" + ids + ")") == names.size());
    }

    /** Registers authorities with names made from their ids. */
    public static void registerAuthorities(String database, Collection<UUID> ids) {
        registerAuthorities(database, ids.stream().collect(Collectors.toMap(id -> id, id -> "Council " + id)));
    }

    /** Creates a region with its members and waits until {@code database} knows every membership. */
    public static void createRegion(String database, UUID region, String name, List<UUID> members) {
        createRegion(database, region, name, members, null);
    }

    /** A region recorded as it was: its first members joined on {@code membersJoinedOn} (today when null). */
    public static void createRegion(String database, UUID region, String name, List<UUID> members,
                                    java.time.LocalDate membersJoinedOn) {
        TestEvents.publish(EventTypes.REGION_CREATED, region.toString(), EventEnvelope.PLATFORM,
                new RegionCreated(region, name, "PARTNERSHIP", members, Instant.now(), membersJoinedOn));
        Eventually.until("the members of " + name + " known to " + database, WAIT, () -> Superuser.count(database,
                "select count(*) from region_membership where region_id = '" + region + "'") == members.size());
    }

    /** Closes a region as the tenants service would and waits until {@code database} knows it is closed. */
    public static void closeRegion(String database, UUID region, String reason) {
        TestEvents.publish(EventTypes.REGION_CLOSED, region.toString(), EventEnvelope.PLATFORM,
                new io.concordat.events.tenants.v1.RegionClosed(region, reason, java.time.LocalDate.now(), "platform",
                        Instant.now()));
        Eventually.until("region " + region + " closed in " + database, WAIT, () -> Superuser.count(database,
                "select count(*) from known_region where id = '" + region + "' and closed_on is not null") == 1);
    }
}
