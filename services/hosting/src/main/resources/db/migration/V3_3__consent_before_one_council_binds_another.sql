-- One council cannot bind another: a council asked to receive a service, or to become its host,
-- answers for itself, and nothing takes effect until it accepts.
--
-- Recipients already recorded keep receiving (consent ACCEPTED, with no answer recorded: they were
-- recorded before consent was asked); their receipt has been recharged and reported already.
alter table recipient add column consent text not null default 'ACCEPTED'
    check (consent in ('ASKED', 'ACCEPTED', 'DECLINED'));
alter table recipient add column answered_by text;
alter table recipient add column answered_at timestamptz;
alter table recipient alter column consent drop default;

-- A proposed change of host, with the proposed host's answer.
create table host_transfer (
    id                uuid primary key,
    arrangement_id    uuid        not null references arrangement (id),
    from_authority_id uuid        not null,
    to_authority_id   uuid        not null,
    effective_on      date        not null,
    answer            text        not null check (answer in ('ASKED', 'ACCEPTED', 'DECLINED')),
    proposed_by       text        not null,
    proposed_at       timestamptz not null,
    answered_by       text,
    answered_at       timestamptz
);
create unique index host_transfer_one_awaiting on host_transfer (arrangement_id) where answer = 'ASKED';

-- The councils asked to take part that have not yet answered: each reads the arrangement it is
-- asked about until it answers. Kept apart from the arrangement row so that a council that declines
-- can remove its own entry (and with it its sight of the arrangement) without touching the host's row.
create table awaiting_answer (
    arrangement_id uuid not null references arrangement (id),
    authority_id   uuid not null,
    primary key (arrangement_id, authority_id)
);
alter table awaiting_answer enable row level security;
alter table awaiting_answer force row level security;
create policy awaiting_answer_own on awaiting_answer for select using (authority_id = concordat_tenant());
create policy awaiting_answer_answered on awaiting_answer for delete using (authority_id = concordat_tenant());
-- The host asks (insert only: a select policy reaching back to arrangement would make its read policy recursive).
create policy awaiting_answer_host on awaiting_answer for insert
    with check (exists (select 1 from arrangement a where a.id = awaiting_answer.arrangement_id
                        and a.host_authority_id = concordat_tenant()));

drop policy arrangement_read on arrangement;
create policy arrangement_read on arrangement for select
    using (concordat_tenant() = any(party_ids) or concordat_member_of_any(region_ids)
           or exists (select 1 from awaiting_answer w where w.arrangement_id = arrangement.id
                      and w.authority_id = concordat_tenant()));
-- Accepting makes the council a party (a recipient), or the host: the one change it makes to the host's row.
create policy arrangement_accept on arrangement for update
    using (exists (select 1 from awaiting_answer w where w.arrangement_id = arrangement.id and w.authority_id = concordat_tenant()))
    with check (concordat_tenant() = any(party_ids));

-- A council answers on its own record only, and logs its answer while it is still awaited.
create policy recipient_answer on recipient for update
    using (authority_id = concordat_tenant() and consent = 'ASKED')
    with check (authority_id = concordat_tenant());
create policy arrangement_change_answer on arrangement_change for insert
    with check (exists (select 1 from awaiting_answer w where w.arrangement_id = arrangement_change.arrangement_id
                        and w.authority_id = concordat_tenant()));

alter table host_transfer enable row level security;
alter table host_transfer force row level security;
create policy host_transfer_read on host_transfer for select
    using (exists (select 1 from arrangement a where a.id = host_transfer.arrangement_id));
create policy host_transfer_host_writes on host_transfer for all
    using (exists (select 1 from arrangement a where a.id = host_transfer.arrangement_id and a.host_authority_id = concordat_tenant()))
    with check (exists (select 1 from arrangement a where a.id = host_transfer.arrangement_id
                        and a.host_authority_id = concordat_tenant()));
create policy host_transfer_answer on host_transfer for update
    using (to_authority_id = concordat_tenant() and answer = 'ASKED')
    with check (to_authority_id = concordat_tenant());
