-- Region memberships, as this service learnt them from the tenants topic: which authorities are
-- (and were) members of which regions. Read by the row-level security policies below.
create table region_membership (
    region_id    uuid not null,
    authority_id uuid not null,
    joined_on    date not null,
    left_on      date,
    primary key (region_id, authority_id, joined_on)
);
create index region_membership_current on region_membership (authority_id, region_id) where left_on is null;

-- The tenant of the current transaction, set by TenantTransactions; null when none is set.
create function concordat_tenant() returns uuid language sql stable as $$
    select nullif(current_setting('concordat.authority_id', true), '')::uuid
$$;

-- Whether the current tenant is, today, a member of the region.
create function concordat_member_of(region uuid) returns boolean language sql stable as $$
    select exists (select 1 from region_membership m
                   where m.region_id = region and m.authority_id = concordat_tenant() and m.left_on is null)
$$;

-- Whether the current transaction acts for a platform admin (no tenant of its own).
create function concordat_is_platform() returns boolean language sql stable as $$
    select coalesce(current_setting('concordat.platform', true), '') = 'on'
$$;
