package io.concordat.tenants.domain;

import java.util.List;

/**
 * Where an authority stands as a tenant. A registration is PENDING until a platform admin
 * approves it; an APPROVED authority may be SUSPENDED and later approved again. A PENDING
 * registration the platform REJECTS is kept as a record and never becomes a tenant: the body
 * registers again to be considered.
 */
public enum AuthorityStatus {
    PENDING, APPROVED, SUSPENDED, REJECTED;

    /**
     * @throws LifecycleException when the authority is already approved
     */
    public AuthorityStatus approve() {
        if (this == REJECTED) {
            throw rejected();
        }
        if (this == APPROVED) {
            throw new LifecycleException("already-approved", "The authority is already approved.", List.of("SUSPENDED"));
        }
        return APPROVED;
    }

    /**
     * @throws LifecycleException when the authority is already suspended
     */
    public AuthorityStatus suspend() {
        if (this == REJECTED) {
            throw rejected();
        }
        if (this == SUSPENDED) {
            throw new LifecycleException("already-suspended", "The authority is already suspended.", List.of("APPROVED"));
        }
        return SUSPENDED;
    }

    /**
     * @throws LifecycleException unless the registration is pending: a tenant is suspended, not rejected
     */
    public AuthorityStatus reject() {
        if (this == REJECTED) {
            throw rejected();
        }
        if (this != PENDING) {
            throw new LifecycleException("not-pending", "Only a pending registration is rejected; a tenant is suspended.",
                    List.of("SUSPENDED"));
        }
        return REJECTED;
    }

    private static LifecycleException rejected() {
        return new LifecycleException("registration-rejected",
                "The registration was rejected; the body registers again to be considered.", List.of());
    }

    public boolean isLive() {
        return this == APPROVED;
    }
}
