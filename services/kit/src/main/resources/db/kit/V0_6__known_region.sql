-- Region names, for answers people read ("you share the Bromsgrove and Redditch Strategic Alliance").
create table known_region (
    id   uuid primary key,
    name text not null,
    kind text not null
);

-- Whether the current tenant and the given authority are, today, members of a common region.
create function concordat_shares_region_with(other uuid) returns boolean language sql stable as $$
    select exists (select 1 from region_membership mine join region_membership theirs on theirs.region_id = mine.region_id
                   where mine.authority_id = concordat_tenant() and mine.left_on is null
                     and theirs.authority_id = other and theirs.left_on is null)
$$;
