package io.concordat.reporting.domain;

import java.util.UUID;

/**
 * Whose figures a report shows: one region's (what its members shared with it), one authority's
 * (what it proposed, takes part in, hosts or receives), or the whole platform's.
 */
public record Scope(Kind kind, UUID id) {

    public enum Kind { REGION, AUTHORITY, NATIONAL }

    public static Scope region(UUID regionId) {
        return new Scope(Kind.REGION, regionId);
    }

    public static Scope authority(UUID authorityId) {
        return new Scope(Kind.AUTHORITY, authorityId);
    }

    public static Scope national() {
        return new Scope(Kind.NATIONAL, null);
    }
}
