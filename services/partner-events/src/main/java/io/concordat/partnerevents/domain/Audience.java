package io.concordat.partnerevents.domain;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What a partner may be sent: exactly what its authority could read of the thing an event is
 * about, on the day the event happened. That is its own authority's data; what was shared with a
 * region while the authority was a member of it; and arrangements it took part in (as host or
 * recipient) while it did. A region's hub reads what was shared with its region.
 *
 * @param authorityId   the partner's authority; empty for a region's hub
 * @param regionId      the hub's region; empty for an authority's partner
 * @param memberships   the authority's membership periods, by region
 * @param participation the authority's periods of taking part, by subject (aggregate id)
 */
public record Audience(Optional<UUID> authorityId, Optional<UUID> regionId, Map<UUID, List<Period>> memberships,
                       Map<String, List<Period>> participation) {

    public Audience {
        if (authorityId.isPresent() == regionId.isPresent()) {
            throw new IllegalArgumentException("an audience is an authority's or a region's, not both or neither");
        }
        memberships = Map.copyOf(memberships);
        participation = Map.copyOf(participation);
    }

    public static Audience ofAuthority(UUID authorityId, Map<UUID, List<Period>> memberships,
                                       Map<String, List<Period>> participation) {
        return new Audience(Optional.of(authorityId), Optional.empty(), memberships, participation);
    }

    public static Audience ofRegion(UUID regionId) {
        return new Audience(Optional.empty(), Optional.of(regionId), Map.of(), Map.of());
    }

    /** Whether this audience could read the thing the event is about when it happened. */
    public boolean mayRead(LoggedEvent event) {
        if (regionId.isPresent()) {
            return event.regionIds().contains(regionId.get());
        }
        if (event.authorityId().equals(authorityId.get())) {
            return true;
        }
        for (UUID region : event.regionIds()) {
            if (covers(memberships.get(region), event)) {
                return true;
            }
        }
        return covers(participation.get(event.subject()), event);
    }

    private static boolean covers(List<Period> periods, LoggedEvent event) {
        return periods != null && periods.stream().anyMatch(p -> p.covers(event.day()));
    }
}
