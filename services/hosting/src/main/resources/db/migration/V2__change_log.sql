-- Every change to an arrangement, dated and attributed: agreed, started, host transferred,
-- recipients joining and leaving, condition met, reviews, termination.
create table arrangement_change (
    id             bigint generated always as identity primary key,
    arrangement_id uuid        not null references arrangement (id),
    change         text        not null,
    changed_by     text        not null,
    changed_at     timestamptz not null
);

alter table arrangement_change enable row level security;
alter table arrangement_change force row level security;
create policy arrangement_change_read on arrangement_change for select
    using (exists (select 1 from arrangement a where a.id = arrangement_change.arrangement_id));
create policy arrangement_change_write on arrangement_change for insert
    with check (exists (select 1 from arrangement a where a.id = arrangement_change.arrangement_id
                        and a.host_authority_id = concordat_tenant()));
