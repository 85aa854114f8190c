-- The log gains a position (the stream's resumable id, in the order events were logged), the
-- event's source and the service area of its subject. Partner visibility is decided in code from
-- this service's own copies of the directory, so the platform (the delivery workers) reads every
-- row; a tenant still reads only its own.
alter table event_log add column position bigserial not null;
create unique index event_log_by_position on event_log (position);
alter table event_log add column source text not null default '';
alter table event_log add column service_area text;
drop policy event_log_own_authority on event_log;
create policy event_log_own_authority on event_log
    using (authority_id = concordat_tenant() or concordat_is_platform())
    with check (authority_id = concordat_tenant() or concordat_is_platform());

-- Who takes part in an aggregate (an arrangement's host and recipients) and when: such an
-- authority reads the arrangement whether or not it is shared with a region of its own.
create table subject_party (
    subject      text not null,
    authority_id uuid not null,
    since        date not null,
    until        date,
    primary key (subject, authority_id, since)
);

-- The service area of each aggregate whose first event named one, for subscription filters.
create table subject_area (
    subject      text primary key,
    service_area text not null
);

-- Partner systems registered through the API (each one a client in the identity provider).
-- Partners configured in the identity provider directly, such as the development realm's demo
-- partner, have no row here; their tokens alone say who they are.
create table partner (
    id            text primary key,
    name          text not null,
    authority_id  uuid,
    region_id     uuid,
    owner_id      uuid not null,
    client_uuid   text not null,
    enabled       boolean not null default true,
    registered_by text not null,
    registered_at timestamptz not null,
    check ((authority_id is null) <> (region_id is null))
);

-- A partner's subscriptions; partner_id is the client id in its token.
create table subscription (
    id                      uuid primary key,
    partner_id              text not null,
    authority_id            uuid,
    region_id               uuid,
    event_types             text[] not null,
    region_filter           uuid[] not null default '{}',
    area_filter             text[] not null default '{}',
    webhook_url             text,
    signing_secret          text,
    previous_secret         text,
    previous_secret_until   timestamptz,
    status                  text not null,
    status_reason           text,
    -- webhooks are sent the events logged after this position: those after subscribing
    start_position          bigint not null default 0,
    created_at              timestamptz not null,
    changed_at              timestamptz not null
);
create index subscription_by_partner on subscription (partner_id);

-- The outbox of webhook deliveries: one row per event and webhook subscription, written before
-- any attempt, so a restart loses nothing. Delivered in position order per subject.
create table delivery (
    id              uuid primary key,
    subscription_id uuid not null references subscription (id) on delete cascade,
    event_position  bigint not null,
    event_id        uuid not null,
    event_time      timestamptz not null,
    subject         text not null,
    status          text not null,
    attempts        int not null default 0,
    next_attempt_at timestamptz not null,
    first_failed_at timestamptz,
    last_status     int,
    created_at      timestamptz not null,
    delivered_at    timestamptz,
    unique (subscription_id, event_id)
);
create index delivery_due on delivery (next_attempt_at) where status = 'PENDING';
create index delivery_by_subject on delivery (subscription_id, subject, event_position) where status <> 'DELIVERED';

create table delivery_attempt (
    delivery_id      uuid not null references delivery (id) on delete cascade,
    attempt          int not null,
    attempted_at     timestamptz not null,
    status_code      int,
    duration_ms      bigint not null,
    outcome          text not null,
    response_excerpt text,
    primary key (delivery_id, attempt)
);

-- How far the log has been fanned out into deliveries.
create table fanout_cursor (
    id       int primary key check (id = 1),
    position bigint not null
);
insert into fanout_cursor values (1, 0);

-- A partner sees and changes only its own subscriptions, deliveries and attempts; an admin sees
-- the partners of its own authority or region; the platform (the workers) everything.
create function concordat_partner() returns text language sql stable as $$
    select nullif(current_setting('concordat.partner', true), '')
$$;

alter table partner enable row level security;
alter table partner force row level security;
create policy partner_owner on partner
    using (owner_id = concordat_tenant() or id = concordat_partner() or concordat_is_platform())
    with check (owner_id = concordat_tenant() or concordat_is_platform());

alter table subscription enable row level security;
alter table subscription force row level security;
create policy subscription_own_partner on subscription
    using (partner_id = concordat_partner() or concordat_is_platform())
    with check (partner_id = concordat_partner() or concordat_is_platform());

alter table delivery enable row level security;
alter table delivery force row level security;
create policy delivery_own_partner on delivery
    using (concordat_is_platform() or exists (select 1 from subscription s where s.id = subscription_id))
    with check (concordat_is_platform() or exists (select 1 from subscription s where s.id = subscription_id));

alter table delivery_attempt enable row level security;
alter table delivery_attempt force row level security;
create policy delivery_attempt_own_partner on delivery_attempt
    using (concordat_is_platform() or exists (select 1 from delivery d where d.id = delivery_id));
create policy delivery_attempt_platform_writes on delivery_attempt for insert with check (concordat_is_platform());
