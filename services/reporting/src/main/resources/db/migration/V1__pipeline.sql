-- The pipeline read model: one row per opportunity, from the opportunities topic. Rebuilt from
-- the topic when dropped; owned by the opportunity's authority and protected like the source.
create table opportunity_summary (
    opportunity_id uuid primary key,
    authority_id   uuid        not null,
    title          text        not null,
    service_area   text        not null,
    stage          text        not null,
    proposed_at    timestamptz not null,
    updated_at     timestamptz not null
);
create index opportunity_summary_by_authority on opportunity_summary (authority_id, stage);

alter table opportunity_summary enable row level security;
alter table opportunity_summary force row level security;
create policy opportunity_summary_own_authority on opportunity_summary
    using (authority_id = nullif(current_setting('concordat.authority_id', true), '')::uuid)
    with check (authority_id = nullif(current_setting('concordat.authority_id', true), '')::uuid);
