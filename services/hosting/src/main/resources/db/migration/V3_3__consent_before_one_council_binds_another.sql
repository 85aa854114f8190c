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
-- Accepting makes the council a party (a recipient), or the host: the one change it makes to the host's row
-- (row-level security does not restrict columns: the trigger below holds it to that change).
create policy arrangement_accept on arrangement for update
    using (exists (select 1 from awaiting_answer w where w.arrangement_id = arrangement.id and w.authority_id = concordat_tenant()))
    with check (concordat_tenant() = any(party_ids));
-- A change to what hangs off an arrangement locks its row first (select ... for update needs an update
-- policy), so that answers, termination and money are taken one at a time; a former host bills and
-- closes its own years, so every party may lock it. Locking changes nothing, and the trigger below
-- refuses any change to the row by anyone but the current host.
create policy arrangement_party_locks on arrangement for update
    using (concordat_tenant() = any(party_ids)) with check (concordat_tenant() = any(party_ids));

-- The council asked reads the arrangement it is asked about, its own answer and, asked to host, the
-- hosting history it would continue: the money, performance, reviews, log and other councils'
-- answers are for the parties and the regions it is shared with, and stay so when it declines.
do $$
declare t text;
begin
    foreach t in array array['recharge', 'running_cost', 'baseline', 'indicator', 'review', 'arrangement_change'] loop
        execute format('drop policy %I on %I', t || '_read', t);
        execute format('create policy %I on %I for select using (exists (select 1 from arrangement a '
                       'where a.id = %I.arrangement_id and (concordat_tenant() = any(a.party_ids) '
                       'or concordat_member_of_any(a.region_ids))))', t || '_read', t, t);
    end loop;
end $$;
drop policy recipient_read on recipient;
create policy recipient_read on recipient for select
    using (authority_id = concordat_tenant()
           or exists (select 1 from arrangement a where a.id = recipient.arrangement_id
                      and (concordat_tenant() = any(a.party_ids) or concordat_member_of_any(a.region_ids))));

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
    using (to_authority_id = concordat_tenant()
           or exists (select 1 from arrangement a where a.id = host_transfer.arrangement_id
                      and (concordat_tenant() = any(a.party_ids) or concordat_member_of_any(a.region_ids))));
create policy host_transfer_host_writes on host_transfer for all
    using (exists (select 1 from arrangement a where a.id = host_transfer.arrangement_id and a.host_authority_id = concordat_tenant()))
    with check (exists (select 1 from arrangement a where a.id = host_transfer.arrangement_id
                        and a.host_authority_id = concordat_tenant()));
create policy host_transfer_answer on host_transfer for update
    using (to_authority_id = concordat_tenant() and answer = 'ASKED')
    with check (to_authority_id = concordat_tenant());

drop policy host_period_read on host_period;
create policy host_period_read on host_period for select
    using (exists (select 1 from arrangement a where a.id = host_period.arrangement_id
                   and (concordat_tenant() = any(a.party_ids) or concordat_member_of_any(a.region_ids)))
           or exists (select 1 from host_transfer t where t.arrangement_id = host_period.arrangement_id
                      and t.to_authority_id = concordat_tenant() and t.answer = 'ASKED'));

-- What a council asked may change, whatever row-level security lets it reach: on the arrangement, it
-- adds itself to the parties once it has accepted to receive it or is asked to host it, and it takes
-- the hosting only by accepting a transfer to it; on its own recipient record and on a transfer to it,
-- only its answer. Nobody, the host included, gives the hosting to a body that has not accepted it or
-- answers for another council. A session with no tenant is the owner's, which row-level security
-- already lets through.
create function hosting_arrangement_change_allowed() returns trigger language plpgsql as $$
declare
    me uuid := concordat_tenant();
    asked_to_host boolean;
begin
    if me is null then
        return new;
    end if;
    asked_to_host := exists (select 1 from host_transfer t where t.arrangement_id = old.id
                             and t.to_authority_id = me and t.answer = 'ASKED');
    if new.host_authority_id is distinct from old.host_authority_id and not (new.host_authority_id = me and asked_to_host) then
        raise exception 'only the body asked to host an arrangement takes the hosting, by accepting'
            using errcode = 'insufficient_privilege';
    end if;
    if old.host_authority_id = me then
        return new;
    end if;
    if to_jsonb(new) - 'party_ids' - 'host_authority_id' is distinct from to_jsonb(old) - 'party_ids' - 'host_authority_id' then
        raise exception 'only the current host changes an arrangement' using errcode = 'insufficient_privilege';
    end if;
    if new.party_ids is distinct from old.party_ids and not (
            not me = any(old.party_ids) and new.party_ids = array_append(old.party_ids, me)
            and (asked_to_host or exists (select 1 from recipient r where r.arrangement_id = old.id
                                          and r.authority_id = me and r.consent = 'ACCEPTED'))) then
        raise exception 'a council adds only itself to the parties, once it has accepted' using errcode = 'insufficient_privilege';
    end if;
    return new;
end $$;
create trigger arrangement_change_allowed before update on arrangement
    for each row execute function hosting_arrangement_change_allowed();

create function hosting_recipient_change_allowed() returns trigger language plpgsql as $$
declare
    me uuid := concordat_tenant();
    host boolean;
begin
    if me is null then
        return new;
    end if;
    host := exists (select 1 from arrangement a where a.id = old.arrangement_id and a.host_authority_id = me);
    if (new.consent, new.answered_by, new.answered_at) is distinct from (old.consent, old.answered_by, old.answered_at)
       and not ((old.consent = 'ASKED' and new.consent in ('ACCEPTED', 'DECLINED') and old.authority_id = me)
                or (old.consent = 'DECLINED' and new.consent = 'ASKED' and host)) then
        raise exception 'a council answers for itself; the host asks again only a council that declined'
            using errcode = 'insufficient_privilege';
    end if;
    if not host and to_jsonb(new) - 'consent' - 'answered_by' - 'answered_at'
                    is distinct from to_jsonb(old) - 'consent' - 'answered_by' - 'answered_at' then
        raise exception 'a council asked changes nothing but its answer' using errcode = 'insufficient_privilege';
    end if;
    return new;
end $$;
create trigger recipient_change_allowed before update on recipient
    for each row execute function hosting_recipient_change_allowed();

create function hosting_host_transfer_change_allowed() returns trigger language plpgsql as $$
declare
    me uuid := concordat_tenant();
begin
    if me is null then
        return new;
    end if;
    if to_jsonb(new) - 'answer' - 'answered_by' - 'answered_at' is distinct from to_jsonb(old) - 'answer' - 'answered_by' - 'answered_at'
       or not (old.answer = 'ASKED' and new.answer in ('ACCEPTED', 'DECLINED') and old.to_authority_id = me) then
        raise exception 'a proposed transfer changes only by the answer of the body proposed' using errcode = 'insufficient_privilege';
    end if;
    return new;
end $$;
create trigger host_transfer_change_allowed before update on host_transfer
    for each row execute function hosting_host_transfer_change_allowed();
