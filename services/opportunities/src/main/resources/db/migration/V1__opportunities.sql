create table opportunity (
    id           uuid primary key,
    authority_id uuid        not null references known_authority (id),
    title        text        not null,
    service_area text        not null,
    description  text,
    stage        text        not null,
    proposed_by  text        not null,
    proposed_at  timestamptz not null
);
create index opportunity_by_authority on opportunity (authority_id, proposed_at desc);

-- Row-level security: a transaction sees and writes only its tenant's rows. The tenant is set
-- per transaction from the caller's verified token; without it nothing is visible.
alter table opportunity enable row level security;
alter table opportunity force row level security;
create policy opportunity_own_authority on opportunity
    using (authority_id = nullif(current_setting('concordat.authority_id', true), '')::uuid)
    with check (authority_id = nullif(current_setting('concordat.authority_id', true), '')::uuid);
