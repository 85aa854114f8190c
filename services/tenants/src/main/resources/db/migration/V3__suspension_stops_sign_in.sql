-- The sign-in accounts a suspension disabled in the identity provider; approving the authority
-- again enables exactly these (an account disabled for another reason stays disabled).
alter table authority add column suspended_users text[] not null default '{}';

-- Every service now refuses a suspended authority's staff from its own directory copy, which
-- learns the status from AuthoritySuspended. Authorities suspended before this version are
-- announced again, so that the copies of the other services catch up.
insert into outbox (event_id, topic, record_key, source, event_type, occurred_at, authority_id, data)
select gen_random_uuid(), 'concordat.tenants.v1', a.id::text, '/concordat/tenants', 'io.concordat.authority.suspended.v1',
       now(), a.id,
       convert_to(json_build_object(
               'authorityId', a.id,
               'reason', coalesce(a.suspended_reason, 'Suspended'),
               'suspendedBy', 'platform',
               'suspendedAt', to_char(coalesce(a.suspended_at, now()) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
           )::text, 'UTF8')
from authority a
where a.status = 'SUSPENDED';
