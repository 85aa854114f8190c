-- A vacancy closes: FILLED, WITHDRAWN, or OPPORTUNITY_OPENED when its council opened an
-- opportunity to share the post instead of recruiting. When and by whom it closed is kept.
alter table vacancy add column closed_on date;
alter table vacancy add column closed_by text;

-- Vacancies already opened into an opportunity were left OPEN: they close as OPPORTUNITY_OPENED
-- on the day the opportunity was proposed, by its proposer. Row-level security is forced even for
-- the owner, so it is lifted for this one update and restored.
alter table vacancy no force row level security;
alter table opportunity no force row level security;
update vacancy v set status = 'OPPORTUNITY_OPENED', closed_on = (o.proposed_at at time zone 'Europe/London')::date,
                     closed_by = o.proposed_by
from opportunity o
where o.id = v.opportunity_id and v.status = 'OPEN';
alter table opportunity force row level security;
alter table vacancy force row level security;

-- Recruiting vacancies are found by status and closing date.
drop index vacancy_by_area;
create index vacancy_open_by_area on vacancy (service_area, closing_date) where status = 'OPEN';
