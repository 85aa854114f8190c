-- The audit trail: decisions someone must answer for, appended in the order reporting read them,
-- each entry holding the hash of the one before it. Not a read model: a rebuild never empties it
-- (reporting_clear_read_models does not name it), and a replayed event is not appended twice.
create table audit_entry (
    sequence      bigint      primary key,
    event_id      uuid        not null unique,
    event_type    text        not null,
    authority_id  uuid        not null,
    subject       text        not null,
    occurred_at   timestamptz not null,
    data          bytea       not null,
    previous_hash text        not null,
    hash          text        not null,
    -- every authority the decision names (the event's own, the deciding council, both sides of a
    -- transfer): each reads the entry. Derived from data, which the hash covers.
    party_ids     uuid[]      not null,
    recorded_at   timestamptz not null default now()
);
create index audit_entry_parties on audit_entry using gin (party_ids);
create index audit_entry_recorded on audit_entry (recorded_at);

-- The last entry of each UTC day, as published in an AuditTrailAnchored event.
create table audit_anchor (
    day           date        primary key,
    last_sequence bigint      not null,
    hash          text        not null,
    entries       bigint      not null,
    anchored_at   timestamptz not null
);

-- The application appends and reads; it never changes or removes an entry.
revoke update, delete, truncate on audit_entry, audit_anchor from ${app_role};

-- A council reads the entries of decisions it took part in; the platform reads and appends all.
alter table audit_entry enable row level security;
alter table audit_entry force row level security;
create policy audit_entry_read on audit_entry for select
    using (concordat_tenant() = any(party_ids) or concordat_is_platform());
create policy audit_entry_append on audit_entry for insert with check (concordat_is_platform());

alter table audit_anchor enable row level security;
alter table audit_anchor force row level security;
create policy audit_anchor_platform on audit_anchor using (concordat_is_platform());
