-- Authorities (tenants) and regions are the platform's shared directory: names, kinds and codes
-- of public bodies, visible to every signed-in user. Tenant-owned data lives in the other services.
create table authority (
    id            uuid primary key,
    name          text        not null,
    kind          text        not null,
    gss_code      text unique,
    email_domains text[]      not null default '{}',
    registered_at timestamptz not null,
    registered_by text        not null
);
create index authority_name on authority (lower(name));

create table region (
    id         uuid primary key,
    name       text        not null unique,
    kind       text        not null,
    created_at timestamptz not null,
    created_by text        not null
);

-- Membership has dates; leaving sets left_on and keeps the row as history.
create table region_member (
    region_id    uuid not null references region (id),
    authority_id uuid not null references authority (id),
    joined_on    date not null,
    left_on      date,
    primary key (region_id, authority_id, joined_on)
);
