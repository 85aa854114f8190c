-- An authority is registered as PENDING, becomes a live tenant when a platform admin APPROVES it
-- (its organization and first admin are then provisioned in the identity provider), and may be
-- SUSPENDED. The first admin's contact is private to the authority and the platform.
alter table authority add column status text not null default 'APPROVED';
alter table authority alter column status set default 'PENDING';
alter table authority add column first_admin_email text;
alter table authority add column first_admin_first_name text;
alter table authority add column first_admin_last_name text;
alter table authority add column organization_id text;
alter table authority add column approved_at timestamptz;
alter table authority add column suspended_at timestamptz;
alter table authority add column suspended_reason text;

-- How a region's board recommends (seed 002: 3 councillors from each council; consensus, else
-- at least 2 from each council in support).
alter table region add column board_members_per_authority int;
alter table region add column board_rule text;
alter table region add column board_minimum_from_each int;

-- Asking to join a region. Visible to the asking authority, to the region's current members (whose
-- region admins decide), and to the platform.
create table membership_request (
    id           uuid primary key,
    region_id    uuid        not null references region (id),
    authority_id uuid        not null references authority (id),
    status       text        not null,
    requested_by text        not null,
    requested_at timestamptz not null,
    decided_by   text,
    decided_at   timestamptz,
    reason       text
);
create unique index membership_request_one_pending on membership_request (region_id, authority_id)
    where status = 'PENDING';

alter table membership_request enable row level security;
alter table membership_request force row level security;
create policy membership_request_visible on membership_request
    using (authority_id = concordat_tenant() or concordat_is_platform()
           or exists (select 1 from region_member m where m.region_id = membership_request.region_id
                      and m.authority_id = concordat_tenant() and m.left_on is null))
    with check (authority_id = concordat_tenant() or concordat_is_platform()
           or exists (select 1 from region_member m where m.region_id = membership_request.region_id
                      and m.authority_id = concordat_tenant() and m.left_on is null));
