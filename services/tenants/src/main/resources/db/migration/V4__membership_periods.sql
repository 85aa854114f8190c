-- A membership is a period [joined_on, left_on): an authority may leave a region and join it
-- again, on the same day too, and its dates may be recorded as they were (a partnership older
-- than the platform). (region, authority, joined_on) no longer names one membership: each period
-- gets an id; existing rows keep their dates.
alter table region_member add column id uuid not null default gen_random_uuid();
alter table region_member drop constraint region_member_pkey;
alter table region_member add primary key (id);
alter table region_member add constraint region_member_left_after_joining check (left_on is null or left_on >= joined_on);
-- At most one current membership of a region per authority.
create unique index region_member_one_current on region_member (region_id, authority_id) where left_on is null;
create index region_member_by_authority on region_member (authority_id);

-- The day a requested membership is to start, when it is recorded as it was; null for "from approval".
alter table membership_request add column joined_on date;
