-- An opportunity may be shared with regions its authority belongs to. Members of those regions
-- read it while they are members; only its own authority changes it.
create table opportunity_region (
    opportunity_id uuid not null references opportunity (id) on delete cascade,
    region_id      uuid not null,
    authority_id   uuid not null,
    primary key (opportunity_id, region_id)
);
create index opportunity_region_by_region on opportunity_region (region_id);

alter table opportunity_region enable row level security;
alter table opportunity_region force row level security;
create policy opportunity_region_read on opportunity_region for select
    using (authority_id = concordat_tenant() or concordat_member_of(region_id));
create policy opportunity_region_insert on opportunity_region for insert
    with check (authority_id = concordat_tenant());
create policy opportunity_region_delete on opportunity_region for delete
    using (authority_id = concordat_tenant());

drop policy opportunity_own_authority on opportunity;
create policy opportunity_read on opportunity for select using (
    authority_id = concordat_tenant()
    or exists (select 1 from opportunity_region r
               where r.opportunity_id = opportunity.id and concordat_member_of(r.region_id)));
create policy opportunity_insert on opportunity for insert
    with check (authority_id = concordat_tenant());
create policy opportunity_update on opportunity for update
    using (authority_id = concordat_tenant()) with check (authority_id = concordat_tenant());
create policy opportunity_delete on opportunity for delete
    using (authority_id = concordat_tenant());
