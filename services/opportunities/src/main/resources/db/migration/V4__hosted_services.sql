-- Shared services already hosted, from the hosting topic, so that a council hosting a service
-- can be suggested as a partner. Seen by its host and by current members of the regions the
-- arrangement is shared with, as the arrangement itself is; written only by the event consumer.
create table hosted_service (
    arrangement_id    uuid primary key,
    host_authority_id uuid    not null,
    service_area      text    not null,
    title             text    not null,
    region_ids        uuid[]  not null default '{}',
    active            boolean not null
);

alter table hosted_service enable row level security;
alter table hosted_service force row level security;
create policy hosted_service_read on hosted_service for select
    using (host_authority_id = concordat_tenant()
           or exists (select 1 from region_membership m where m.region_id = any(hosted_service.region_ids)
                      and m.authority_id = concordat_tenant() and m.left_on is null));
create policy hosted_service_learn on hosted_service for insert with check (true);
create policy hosted_service_follow on hosted_service for update using (true) with check (true);
