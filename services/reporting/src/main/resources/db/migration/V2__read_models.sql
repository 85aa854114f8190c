-- Reporting's read models, every one built only from the tenants, opportunities and hosting
-- topics. Each can be emptied (reporting_clear_read_models) and rebuilt from offset 0; every value
-- comes from an event, never from the clock, so a rebuild gives the same rows.
drop table opportunity_summary;

-- Opportunities: the pipeline. Visible to the proposer, the councils taking part, members of the
-- regions it is shared with, and the platform.
create table rpt_opportunity (
    opportunity_id  uuid primary key,
    authority_id    uuid        not null,
    title           text        not null,
    service_area    text        not null,
    theme           text        not null,
    model           text,
    horizon         text,
    stage           text        not null,
    region_ids      uuid[]      not null,
    participant_ids uuid[]      not null,
    proposed_at     timestamptz not null,
    stage_changed_at timestamptz not null,
    approved_at     timestamptz
);
create index rpt_opportunity_regions on rpt_opportunity using gin (region_ids);
create index rpt_opportunity_authority on rpt_opportunity (authority_id);

-- The latest business case's projected savings, per authority per financial year.
create table rpt_projected_saving (
    opportunity_id uuid   not null references rpt_opportunity (opportunity_id),
    authority_id   uuid   not null,
    financial_year text   not null,
    amount_pence   bigint not null,
    version        int    not null,
    primary key (opportunity_id, authority_id, financial_year)
);

create table rpt_recommendation (
    opportunity_id uuid        not null references rpt_opportunity (opportunity_id),
    region_id      uuid        not null,
    recommended    boolean     not null,
    rule           text        not null,
    in_favour      int         not null,
    against        int         not null,
    reason         text        not null,
    recorded_at    timestamptz not null,
    primary key (opportunity_id, region_id, recorded_at)
);

create table rpt_decision (
    opportunity_id   uuid        not null references rpt_opportunity (opportunity_id),
    authority_id     uuid        not null,
    outcome          text        not null,
    body             text        not null,
    decided_on       date        not null,
    minute_reference text        not null,
    recorded_at      timestamptz not null,
    primary key (opportunity_id, authority_id)
);

-- Hosting arrangements: who shares what with whom. party_ids holds every host and recipient,
-- past or present; they, members of its regions and the platform may read it.
create table rpt_arrangement (
    arrangement_id    uuid primary key,
    title             text        not null,
    service_area      text        not null,
    theme             text        not null,
    host_authority_id uuid        not null,
    party_ids         uuid[]      not null,
    region_ids        uuid[]      not null,
    basis             text        not null,
    starts_on         date        not null,
    ends_on           date,
    status            text        not null,
    opportunity_id    uuid,
    agreed_at         timestamptz not null,
    exit_on           date
);
create index rpt_arrangement_regions on rpt_arrangement using gin (region_ids);
create index rpt_arrangement_parties on rpt_arrangement using gin (party_ids);

create table rpt_recipient (
    arrangement_id uuid not null references rpt_arrangement (arrangement_id),
    authority_id   uuid not null,
    joined_on      date not null,
    left_on        date,
    primary key (arrangement_id, authority_id, joined_on)
);

-- Realised savings from the arrangement's ledger: the latest figure per authority and year.
create table rpt_saving (
    arrangement_id uuid        not null references rpt_arrangement (arrangement_id),
    authority_id   uuid        not null,
    financial_year text        not null,
    baseline_pence bigint      not null,
    cost_pence     bigint      not null,
    saving_pence   bigint      not null,
    recorded_at    timestamptz not null,
    primary key (arrangement_id, authority_id, financial_year)
);

-- A recharge has no id of its own on the wire; the event that issued it names it.
create table rpt_recharge (
    event_id               uuid primary key,
    arrangement_id         uuid   not null references rpt_arrangement (arrangement_id),
    recipient_authority_id uuid   not null,
    period_from            date   not null,
    period_to              date   not null,
    amount_pence           bigint not null
);
create index rpt_recharge_arrangement on rpt_recharge (arrangement_id, period_to);

-- Every indicator reading, and the latest per indicator and recipient for the dashboards.
create table rpt_indicator_reading (
    indicator_id           uuid        not null,
    recipient_authority_id uuid        not null,
    period                 text        not null,
    arrangement_id         uuid        not null references rpt_arrangement (arrangement_id),
    indicator_name         text        not null,
    value                  numeric     not null,
    target                 numeric     not null,
    rating                 text        not null,
    reported_at            timestamptz not null,
    primary key (indicator_id, recipient_authority_id, period)
);
create index rpt_indicator_reading_arrangement on rpt_indicator_reading (arrangement_id, reported_at);

create table rpt_indicator_latest (
    indicator_id           uuid        not null,
    recipient_authority_id uuid        not null,
    arrangement_id         uuid        not null references rpt_arrangement (arrangement_id),
    indicator_name         text        not null,
    period                 text        not null,
    value                  numeric     not null,
    target                 numeric     not null,
    rating                 text        not null,
    reported_at            timestamptz not null,
    primary key (indicator_id, recipient_authority_id)
);
create index rpt_indicator_latest_arrangement on rpt_indicator_latest (arrangement_id, rating);

create table rpt_review (
    review_id      uuid primary key,
    arrangement_id uuid not null references rpt_arrangement (arrangement_id),
    kind           text not null,
    due_on         date,
    outcome        text,
    decided_by     text,
    completed_on   date,
    note           text
);
create index rpt_review_arrangement on rpt_review (arrangement_id, due_on);

-- Vacancies: seen by the posting council and councils sharing a region with it.
create table rpt_vacancy (
    vacancy_id   uuid primary key,
    authority_id uuid        not null,
    title        text        not null,
    service_area text        not null,
    theme        text        not null,
    grade        text        not null,
    closing_date date        not null,
    posted_at    timestamptz not null
);
create index rpt_vacancy_authority on rpt_vacancy (authority_id, closing_date);

-- Policies are written so PostgreSQL evaluates them once per query, not once per row: the
-- reader's current regions are one uncorrelated ARRAY(...) (an InitPlan), and a child row's
-- parent is found with an uncorrelated IN (a hashed SubPlan). Written per row, as EXISTS and a
-- membership function, they cost 240 ms on a region dashboard at national scale; these, 60 ms.
alter table rpt_opportunity enable row level security;
alter table rpt_opportunity force row level security;
create policy rpt_opportunity_visible on rpt_opportunity
    using (authority_id = concordat_tenant() or concordat_tenant() = any(participant_ids)
           or region_ids && array(select m.region_id from region_membership m
                                  where m.authority_id = concordat_tenant() and m.left_on is null)
           or concordat_is_platform());

alter table rpt_arrangement enable row level security;
alter table rpt_arrangement force row level security;
create policy rpt_arrangement_visible on rpt_arrangement
    using (concordat_tenant() = any(party_ids)
           or region_ids && array(select m.region_id from region_membership m
                                  where m.authority_id = concordat_tenant() and m.left_on is null)
           or concordat_is_platform());

alter table rpt_vacancy enable row level security;
alter table rpt_vacancy force row level security;
create policy rpt_vacancy_visible on rpt_vacancy
    using (authority_id = concordat_tenant() or concordat_shares_region_with(authority_id) or concordat_is_platform());

-- The detail of an opportunity or an arrangement is visible exactly when its parent is.
do $$
declare t text;
begin
    foreach t in array array['rpt_projected_saving', 'rpt_recommendation', 'rpt_decision'] loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy %I on %I using (opportunity_id in (select o.opportunity_id from rpt_opportunity o))',
                       t || '_visible', t);
    end loop;
    foreach t in array array['rpt_recipient', 'rpt_saving', 'rpt_recharge', 'rpt_indicator_reading',
                             'rpt_indicator_latest', 'rpt_review'] loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy %I on %I using (arrangement_id in (select a.arrangement_id from rpt_arrangement a))',
                       t || '_visible', t);
    end loop;
end;
$$;

-- Which version of the projections built the rows; a service whose projections changed rebuilds.
create table read_model_build (
    id          int primary key check (id = 1),
    version     int         not null,
    started_at  timestamptz not null,
    finished_at timestamptz
);

-- Empties every read model, the directory copies and the record of processed events, so the
-- consumer can apply every event again from offset 0. TRUNCATE needs the owner's right, which
-- the application role does not have; this function is the one door to it.
create function reporting_clear_read_models() returns void language plpgsql security definer
    set search_path = public as $$
begin
    truncate rpt_projected_saving, rpt_recommendation, rpt_decision, rpt_opportunity,
             rpt_recipient, rpt_saving, rpt_recharge, rpt_indicator_reading, rpt_indicator_latest, rpt_review,
             rpt_arrangement, rpt_vacancy, known_authority, known_region, region_membership, processed_event;
end;
$$;
revoke all on function reporting_clear_read_models() from public;
grant execute on function reporting_clear_read_models() to ${app_role};
