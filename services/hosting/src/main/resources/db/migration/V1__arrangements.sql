-- Whether the current tenant is, today, a member of any of the regions.
create function concordat_member_of_any(regions uuid[]) returns boolean language sql stable as $$
    select exists (select 1 from region_membership m
                   where m.region_id = any(regions) and m.authority_id = concordat_tenant() and m.left_on is null)
$$;

-- A live shared service: one host provides it to recipients. party_ids holds every authority that
-- has hosted or received it (kept as history); they, and members of the regions it is shared with,
-- may read it. Only the current host changes it.
create table arrangement (
    id                    uuid primary key,
    title                 text        not null,
    service_area          text        not null,
    host_authority_id     uuid        not null,
    party_ids             uuid[]      not null,
    region_ids            uuid[]      not null default '{}',
    basis                 text        not null,
    starts_on             date        not null,
    ends_on               date,
    review_on             date,
    interim_condition     text,
    condition_met_on      date,
    condition_recorded_by text,
    capacity_days_per_week numeric(3, 1),
    capacity_note         text,
    cost_allocation       text        not null,
    notice_months         int,
    agreement_reference   text,
    legal_basis           text,
    status                text        not null,
    opportunity_id        uuid unique,
    agreed_by             text        not null,
    agreed_at             timestamptz not null,
    exit_on               date,
    termination_reason    text
);

alter table arrangement enable row level security;
alter table arrangement force row level security;
create policy arrangement_read on arrangement for select
    using (concordat_tenant() = any(party_ids) or concordat_member_of_any(region_ids));
create policy arrangement_create on arrangement for insert with check (host_authority_id = concordat_tenant());
create policy arrangement_change on arrangement for update
    using (host_authority_id = concordat_tenant()) with check (concordat_tenant() = any(party_ids));

-- Who hosted it when: a host's period ends the day before the next one's starts.
create table host_period (
    arrangement_id    uuid not null references arrangement (id),
    host_authority_id uuid not null,
    from_date         date not null,
    to_date           date,
    primary key (arrangement_id, from_date)
);

-- Recipients, each with its own service level and account manager; leaving keeps the row.
create table recipient (
    arrangement_id  uuid not null references arrangement (id),
    authority_id    uuid not null,
    joined_on       date not null,
    left_on         date,
    left_reason     text,
    service_level   text,
    account_manager text,
    primary key (arrangement_id, authority_id, joined_on)
);

-- Money, in pence: what the host recharges each recipient for a period; each authority's
-- baseline cost of the service per financial year; the host's running cost per financial year.
create table recharge (
    id                     uuid primary key,
    arrangement_id         uuid   not null references arrangement (id),
    recipient_authority_id uuid   not null,
    period_from            date   not null,
    period_to              date   not null,
    amount_pence           bigint not null check (amount_pence >= 0),
    issued_by              text   not null,
    issued_at              timestamptz not null
);

create table baseline (
    arrangement_id uuid   not null references arrangement (id),
    authority_id   uuid   not null,
    financial_year text   not null,
    baseline_pence bigint not null check (baseline_pence >= 0),
    primary key (arrangement_id, authority_id, financial_year)
);

create table running_cost (
    arrangement_id uuid   not null references arrangement (id),
    financial_year text   not null,
    cost_pence     bigint not null check (cost_pence >= 0),
    primary key (arrangement_id, financial_year)
);

-- Indicators agreed at the start, with a target per recipient, and readings per period.
create table indicator (
    id             uuid primary key,
    arrangement_id uuid    not null references arrangement (id),
    name           text    not null,
    unit           text    not null,
    direction      text    not null,
    amber_margin   numeric not null
);

create table indicator_target (
    indicator_id uuid    not null references indicator (id),
    authority_id uuid    not null,
    target       numeric not null,
    primary key (indicator_id, authority_id)
);

create table reading (
    indicator_id uuid    not null references indicator (id),
    authority_id uuid    not null,
    period       text    not null,
    value        numeric not null,
    reported_by  text    not null,
    reported_at  timestamptz not null,
    primary key (indicator_id, authority_id, period)
);

-- Reviews: scheduled (a trial's 6-month review, annual reviews), each ending in continue, vary or terminate.
create table review (
    id             uuid primary key,
    arrangement_id uuid not null references arrangement (id),
    kind           text not null,
    due_on         date not null,
    outcome        text,
    decided_by     text,
    completed_on   date,
    note           text
);

do $$
declare t text;
begin
    foreach t in array array['host_period', 'recipient', 'recharge', 'running_cost', 'indicator', 'review'] loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy %I on %I for select using (exists (select 1 from arrangement a where a.id = %I.arrangement_id))', t || '_read', t, t);
        execute format('create policy %I on %I for all using (exists (select 1 from arrangement a where a.id = %I.arrangement_id and a.host_authority_id = concordat_tenant())) with check (exists (select 1 from arrangement a where a.id = %I.arrangement_id and a.host_authority_id = concordat_tenant()))', t || '_host_writes', t, t, t);
    end loop;
end $$;

-- A baseline is each authority's own figure: it records it; all parties read it.
alter table baseline enable row level security;
alter table baseline force row level security;
create policy baseline_read on baseline for select using (exists (select 1 from arrangement a where a.id = baseline.arrangement_id));
create policy baseline_own on baseline for all using (authority_id = concordat_tenant())
    with check (authority_id = concordat_tenant() and exists (select 1 from arrangement a where a.id = baseline.arrangement_id));

-- Targets and readings hang off an indicator: readable with it; the host writes them.
alter table indicator_target enable row level security;
alter table indicator_target force row level security;
create policy indicator_target_read on indicator_target for select
    using (exists (select 1 from indicator i where i.id = indicator_target.indicator_id));
create policy indicator_target_host on indicator_target for all
    using (exists (select 1 from indicator i join arrangement a on a.id = i.arrangement_id
                   where i.id = indicator_target.indicator_id and a.host_authority_id = concordat_tenant()))
    with check (exists (select 1 from indicator i join arrangement a on a.id = i.arrangement_id
                   where i.id = indicator_target.indicator_id and a.host_authority_id = concordat_tenant()));
alter table reading enable row level security;
alter table reading force row level security;
create policy reading_read on reading for select using (exists (select 1 from indicator i where i.id = reading.indicator_id));
create policy reading_host on reading for all
    using (exists (select 1 from indicator i join arrangement a on a.id = i.arrangement_id
                   where i.id = reading.indicator_id and a.host_authority_id = concordat_tenant()))
    with check (exists (select 1 from indicator i join arrangement a on a.id = i.arrangement_id
                   where i.id = reading.indicator_id and a.host_authority_id = concordat_tenant()));
