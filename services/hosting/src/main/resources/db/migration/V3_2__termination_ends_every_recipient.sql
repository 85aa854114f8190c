-- A terminated arrangement provides nothing after its exit date: recipients of arrangements that
-- were already terminated stop receiving on the exit date (or the day they joined, if later), with
-- the reason, and RecipientLeft goes out through the outbox so that reporting follows.
alter table recipient no force row level security;
alter table arrangement no force row level security;

create temporary table ended_recipient on commit drop as
select r.arrangement_id, r.authority_id, r.joined_on, greatest(a.exit_on, r.joined_on) as left_on,
       'Arrangement ended: ' || coalesce(a.termination_reason, 'terminated') as reason,
       a.host_authority_id, a.region_ids
  from recipient r join arrangement a on a.id = r.arrangement_id
 where a.status = 'TERMINATED' and a.exit_on is not null and r.left_on is null;

update recipient r set left_on = e.left_on, left_reason = e.reason
  from ended_recipient e
 where r.arrangement_id = e.arrangement_id and r.authority_id = e.authority_id and r.joined_on = e.joined_on;

insert into outbox (event_id, topic, record_key, source, event_type, occurred_at, authority_id, region_ids, data)
select gen_random_uuid(), 'concordat.hosting.v1', e.arrangement_id::text, '/concordat/hosting',
       'io.concordat.arrangement.recipient-left.v1', now(), e.host_authority_id, e.region_ids,
       convert_to(json_build_object(
           'arrangementId', e.arrangement_id,
           'authorityId', e.authority_id,
           'leftOn', to_char(e.left_on, 'YYYY-MM-DD'),
           'reason', e.reason,
           'recordedAt', to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'))::text, 'UTF8')
  from ended_recipient e;

alter table recipient force row level security;
alter table arrangement force row level security;
