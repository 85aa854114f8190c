package io.concordat.tenants.store;

import io.concordat.kit.tenancy.AuthorityStanding;
import io.concordat.tenants.domain.AuthorityStatus;
import jakarta.inject.Singleton;

import java.util.UUID;

/** The tenants service answers from the directory itself whether an authority is suspended. */
@Singleton
public class DirectoryStanding implements AuthorityStanding {

    private final AuthorityRepository authorities;

    public DirectoryStanding(AuthorityRepository authorities) {
        this.authorities = authorities;
    }

    @Override
    public boolean isSuspended(UUID authorityId) {
        return authorities.existsByIdAndStatus(authorityId, AuthorityStatus.SUSPENDED.name());
    }
}
