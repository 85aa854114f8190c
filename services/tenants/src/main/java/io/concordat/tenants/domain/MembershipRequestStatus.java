package io.concordat.tenants.domain;

import java.util.List;

/** An authority's request to join a region: decided once, by the region. */
public enum MembershipRequestStatus {
    PENDING, APPROVED, DECLINED;

    /**
     * @throws LifecycleException when the request was already decided
     */
    public MembershipRequestStatus decide(boolean approve) {
        if (this != PENDING) {
            throw new LifecycleException("already-decided", "The request was already " + name().toLowerCase() + ".",
                    List.of());
        }
        return approve ? APPROVED : DECLINED;
    }
}
