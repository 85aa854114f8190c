package io.concordat.tenants.domain;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A grouping of authorities that collaborate. */
public record Region(UUID id, String name, RegionKind kind, Set<UUID> memberIds, Instant createdAt, String createdBy) {

    public static final int MAX_NAME = 200;

    /**
     * @throws InvalidRegistrationException when the name is malformed, or no member is named
     */
    public static Region create(String name, RegionKind kind, List<UUID> memberIds, String createdBy, Instant now) {
        String cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty() || cleanName.length() > MAX_NAME) {
            throw new InvalidRegistrationException("invalid-name", "A name of 1 to " + MAX_NAME + " characters is needed.");
        }
        Set<UUID> members = new LinkedHashSet<>(memberIds == null ? List.of() : memberIds);
        if (members.isEmpty()) {
            throw new InvalidRegistrationException("no-members", "A region starts with at least one member authority.");
        }
        return new Region(UUID.randomUUID(), cleanName, kind, Set.copyOf(members), now, createdBy);
    }
}
