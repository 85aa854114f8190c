-- Whether an authority is suspended, as this service learns it from AuthoritySuspended and
-- AuthorityApproved: every request by a suspended authority's staff is refused from this copy.
-- Rows already here keep a null status (nothing heard yet); the tenants service republishes
-- AuthoritySuspended for every authority suspended before this version, so copies catch up.
alter table known_authority add column status text;

-- A membership is a period [joined_on, left_on): an authority may leave and rejoin a region, on
-- the same day too, so (region, authority, joined_on) no longer names one row. Existing rows keep
-- their dates and get an id.
alter table region_membership drop constraint region_membership_pkey;
alter table region_membership add column id bigint generated always as identity primary key;
create index region_membership_periods on region_membership (region_id, authority_id, joined_on);
