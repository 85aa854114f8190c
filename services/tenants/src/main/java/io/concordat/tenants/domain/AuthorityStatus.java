package io.concordat.tenants.domain;

import java.util.List;

/**
 * Where an authority stands as a tenant. A registration is PENDING until a platform admin
 * approves it; an APPROVED authority may be SUSPENDED and later approved again.
 */
public enum AuthorityStatus {
    PENDING, APPROVED, SUSPENDED;

    /**
     * @throws LifecycleException when the authority is already approved
     */
    public AuthorityStatus approve() {
        if (this == APPROVED) {
            throw new LifecycleException("already-approved", "The authority is already approved.", List.of("SUSPENDED"));
        }
        return APPROVED;
    }

    /**
     * @throws LifecycleException when the authority is already suspended
     */
    public AuthorityStatus suspend() {
        if (this == SUSPENDED) {
            throw new LifecycleException("already-suspended", "The authority is already suspended.", List.of("APPROVED"));
        }
        return SUSPENDED;
    }

    public boolean isLive() {
        return this == APPROVED;
    }
}
