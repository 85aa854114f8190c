-- Every event partners may be sent, kept so a partner can replay from a point in time. Rows
-- belong to the event's authority; region-shared events are matched by region_ids.
create table event_log (
    event_id     uuid primary key,
    topic        text        not null,
    event_type   text        not null,
    subject      text        not null,
    authority_id uuid        not null,
    region_ids   uuid[]      not null default '{}',
    occurred_at  timestamptz not null,
    data         bytea       not null,
    logged_at    timestamptz not null default now()
);
create index event_log_by_time on event_log (occurred_at);

alter table event_log enable row level security;
alter table event_log force row level security;
create policy event_log_own_authority on event_log
    using (authority_id = nullif(current_setting('concordat.authority_id', true), '')::uuid)
    with check (authority_id = nullif(current_setting('concordat.authority_id', true), '')::uuid);
