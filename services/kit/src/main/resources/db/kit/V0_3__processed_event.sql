-- Idempotent consumer: an event's id is recorded in the same transaction as its effect, so a
-- redelivered event is recognised and skipped.
create table processed_event (
    event_id     uuid primary key,
    event_type   text        not null,
    topic        text        not null,
    processed_at timestamptz not null default now()
);
