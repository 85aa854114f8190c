package io.concordat.kit.tenancy;

import java.util.UUID;

/**
 * Whether an authority is suspended, as this service knows it: from its own copy of the
 * directory (the kit's {@code known_authority}, kept from the tenants topic) or, in the tenants
 * service, from the directory itself. {@link SuspendedAuthorityFilter} asks it on every request.
 */
public interface AuthorityStanding {

    /** True when the authority is suspended. Called inside a read transaction. */
    boolean isSuspended(UUID authorityId);
}
