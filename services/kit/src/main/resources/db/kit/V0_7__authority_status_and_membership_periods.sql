-- Whether an authority is suspended, as this service learns it from AuthoritySuspended and
-- AuthorityApproved: every request by a suspended authority's staff is refused from this copy.
-- Rows already here keep a null status (nothing heard yet); the tenants service republishes
-- AuthoritySuspended for every authority suspended before this version, so copies catch up.
-- status_at is the time of the event that set it, so that a replay never moves a status back.
alter table known_authority add column status text, add column status_at timestamptz;

-- A membership is a period [joined_on, left_on): an authority may leave and rejoin a region, on
-- the same day too, so (region, authority, joined_on) no longer names one row. This copy is kept
-- by RegionMemberships alone (each event applied once), which adds a period only when none is
-- current; the rows, rebuilt from the topic, are the same each time. Existing rows stay as they are.
alter table region_membership drop constraint region_membership_pkey;
create index region_membership_periods on region_membership (region_id, authority_id, joined_on);
