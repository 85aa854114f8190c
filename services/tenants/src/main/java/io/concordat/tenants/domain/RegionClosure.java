package io.concordat.tenants.domain;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Closing a region. The platform closes it at once. Otherwise the region's members close it
 * together: a region admin of each current member authority agrees on its authority's behalf, and
 * the region closes when every current member has agreed (one admin per authority suffices; an
 * authority that leaves before then no longer counts, and one that joins must agree too).
 *
 * @param members the authorities that are members today
 * @param agreed  the authorities whose region admins have agreed so far
 */
public record RegionClosure(Set<UUID> members, Set<UUID> agreed) {

    public RegionClosure {
        members = Set.copyOf(members);
        agreed = Set.copyOf(agreed);
    }

    /**
     * @throws LifecycleException when the authority is not a member today
     */
    public RegionClosure agreedBy(UUID authority) {
        if (!members.contains(authority)) {
            throw new LifecycleException("not-a-member", "Only a member authority's region admin agrees to close the region.",
                    List.of());
        }
        Set<UUID> now = new LinkedHashSet<>(agreed);
        now.add(authority);
        return new RegionClosure(members, now);
    }

    /** Whether every current member has agreed. */
    public boolean closes() {
        return !members.isEmpty() && agreed.containsAll(members);
    }

    /** The current members still to agree. */
    public Set<UUID> awaiting() {
        Set<UUID> left = new LinkedHashSet<>(members);
        left.removeAll(agreed);
        return left;
    }
}
