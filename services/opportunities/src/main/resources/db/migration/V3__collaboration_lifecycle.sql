alter table opportunity add column model text;
alter table opportunity add column trigger text;
alter table opportunity add column horizon text not null default 'MEDIUM_TERM';
alter table opportunity add column target_decision_on date;
alter table opportunity add column target_start_on date;
-- OpportunityApproved is published once: this flag is set in the same transaction.
alter table opportunity add column approved_published boolean not null default false;
-- The region whose board considers it, chosen when it goes to the board.
alter table opportunity add column board_region_id uuid;

-- Authorities taking part. A row is written by the joining authority; the proposer accepts it.
create table participant (
    opportunity_id uuid        not null references opportunity (id) on delete cascade,
    authority_id   uuid        not null,
    role           text        not null,
    status         text        not null,
    accepted       boolean     not null,
    joined_at      timestamptz not null,
    primary key (opportunity_id, authority_id)
);

-- The owner, or a participant whose decision counts, of an opportunity the tenant can see.
create function concordat_takes_part_in(opp uuid) returns boolean language sql stable as $$
    select exists (select 1 from opportunity o where o.id = opp and o.authority_id = concordat_tenant())
        or exists (select 1 from participant p where p.opportunity_id = opp and p.authority_id = concordat_tenant()
                   and p.accepted and p.status <> 'WITHDRAWN')
$$;

alter table participant enable row level security;
alter table participant force row level security;
create policy participant_read on participant for select
    using (exists (select 1 from opportunity o where o.id = participant.opportunity_id));
create policy participant_join on participant for insert
    with check (authority_id = concordat_tenant()
                and exists (select 1 from opportunity o where o.id = participant.opportunity_id));
create policy participant_change on participant for update
    using (authority_id = concordat_tenant()
           or exists (select 1 from opportunity o where o.id = participant.opportunity_id
                      and o.authority_id = concordat_tenant()));

-- Councils that take part move the opportunity by their decisions, so they may update it too.
drop policy opportunity_update on opportunity;
create policy opportunity_update on opportunity for update
    using (concordat_takes_part_in(id)) with check (concordat_takes_part_in(id));

-- Every stage change, with who and when.
create table stage_change (
    id             bigint generated always as identity primary key,
    opportunity_id uuid        not null references opportunity (id) on delete cascade,
    from_stage     text        not null,
    to_stage       text        not null,
    changed_by     text        not null,
    changed_at     timestamptz not null,
    note           text
);

-- Business case versions: each submission is a new version; earlier ones are kept.
create table business_case (
    opportunity_id uuid        not null references opportunity (id) on delete cascade,
    version        int         not null,
    content        text        not null,
    submitted_by   text        not null,
    submitted_at   timestamptz not null,
    primary key (opportunity_id, version)
);

-- Councillors' votes on the board of the region the opportunity is before.
create table board_vote (
    opportunity_id uuid        not null references opportunity (id) on delete cascade,
    region_id      uuid        not null,
    voter          text        not null,
    voter_name     text        not null,
    authority_id   uuid        not null,
    in_favour      boolean     not null,
    voted_at       timestamptz not null,
    primary key (opportunity_id, voter)
);

create table board_recommendation (
    opportunity_id uuid primary key references opportunity (id) on delete cascade,
    region_id      uuid        not null,
    recommended    boolean     not null,
    rule           text        not null,
    in_favour      int         not null,
    against        int         not null,
    reason         text        not null,
    recorded_by    text        not null,
    recorded_at    timestamptz not null
);

-- Each council's own decision; a deferral may later be replaced by a final one.
create table council_decision (
    opportunity_id  uuid        not null references opportunity (id) on delete cascade,
    authority_id    uuid        not null,
    outcome         text        not null,
    body            text        not null,
    decided_on      date        not null,
    minute_reference text       not null,
    recorded_by     text        not null,
    recorded_at     timestamptz not null,
    primary key (opportunity_id, authority_id)
);

do $$
declare t text;
begin
    foreach t in array array['stage_change', 'business_case', 'board_recommendation'] loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy %I on %I for select using (exists (select 1 from opportunity o where o.id = %I.opportunity_id))', t || '_read', t, t);
        execute format('create policy %I on %I for insert with check (concordat_takes_part_in(opportunity_id))', t || '_write', t);
    end loop;
    foreach t in array array['board_vote', 'council_decision'] loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy %I on %I for select using (exists (select 1 from opportunity o where o.id = %I.opportunity_id))', t || '_read', t, t);
        execute format('create policy %I on %I for insert with check (authority_id = concordat_tenant() and exists (select 1 from opportunity o where o.id = %I.opportunity_id))', t || '_write', t, t);
        execute format('create policy %I on %I for update using (authority_id = concordat_tenant())', t || '_change', t);
    end loop;
end $$;

-- Vacant posts. Seen by the posting authority and by authorities that share a region with it today.
create table vacancy (
    id             uuid primary key,
    authority_id   uuid        not null,
    title          text        not null,
    service_area   text        not null,
    grade          text        not null,
    closing_date   date        not null,
    status         text        not null,
    opportunity_id uuid references opportunity (id),
    posted_by      text        not null,
    posted_at      timestamptz not null
);
create index vacancy_by_area on vacancy (service_area) where status = 'OPEN';

alter table vacancy enable row level security;
alter table vacancy force row level security;
create policy vacancy_read on vacancy for select
    using (authority_id = concordat_tenant() or concordat_shares_region_with(authority_id));
create policy vacancy_write on vacancy for insert with check (authority_id = concordat_tenant());
create policy vacancy_change on vacancy for update using (authority_id = concordat_tenant());

-- The boards of regions, from RegionBoardDescribed: reference data, like region names.
create table region_board (
    region_id             uuid primary key,
    members_per_authority int  not null,
    rule                  text not null,
    minimum_from_each     int
);
