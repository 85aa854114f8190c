-- Transactional outbox: an event is written here in the same transaction as the change it
-- reports; the relay sends it to Kafka after commit and marks it sent.
create table outbox (
    position     bigint generated always as identity primary key,
    event_id     uuid        not null unique,
    topic        text        not null,
    record_key   text        not null,
    source       text        not null,
    event_type   text        not null,
    occurred_at  timestamptz not null,
    authority_id uuid        not null,
    region_ids   uuid[]      not null default '{}',
    data         bytea       not null,
    created_at   timestamptz not null default now(),
    sent_at      timestamptz
);

create index outbox_unsent on outbox (position) where sent_at is null;

-- NOTIFY is delivered at commit, so the relay wakes exactly when there is something committed to send.
create function outbox_wake_relay() returns trigger language plpgsql as $$
begin
    perform pg_notify('concordat_outbox', '');
    return null;
end;
$$;

create trigger outbox_wake_relay after insert on outbox
    for each statement execute function outbox_wake_relay();
