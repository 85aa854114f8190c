-- Who may read an arrangement, as rows: each party (host and recipients, kept as they join or take
-- over hosting) and each region it is shared with. The detail tables' policies used to ask
-- "is the parent arrangement visible?" with an IN over rpt_arrangement, which PostgreSQL ran as a
-- hashed SubPlan scanning every arrangement through its own policy, for every query; a
-- tenant-scoped read cost twice as much with the policies on as off. Now they look up the
-- reader's own rows (the tenant and its current regions: the primary key's leading column, so an
-- index scan once the table is large), and a platform read never runs the lookup at all.
create table read_models.rpt_arrangement_reader (
    reader_id      uuid not null,
    arrangement_id uuid not null,
    primary key (reader_id, arrangement_id)
);
grant select, insert, update, delete on read_models.rpt_arrangement_reader to ${app_role};

alter table read_models.rpt_arrangement_reader enable row level security;
alter table read_models.rpt_arrangement_reader force row level security;
-- Written out rather than through a function: a function here is called, and planned, on every
-- query, while the tenant's regions as an uncorrelated ARRAY(...) are one InitPlan.
create policy rpt_arrangement_reader_visible on read_models.rpt_arrangement_reader
    using (concordat_is_platform() or reader_id = concordat_tenant()
           or reader_id = any (array(select m.region_id from region_membership m
                                     where m.authority_id = concordat_tenant() and m.left_on is null)));

-- The arrangements already projected, read as the platform (the owner is bound by the policies too).
select set_config('concordat.platform', 'on', true);
insert into read_models.rpt_arrangement_reader (reader_id, arrangement_id)
select distinct r.reader_id, a.arrangement_id
from read_models.rpt_arrangement a
     cross join lateral unnest(a.party_ids || a.region_ids) as r(reader_id)
on conflict do nothing;
select set_config('concordat.platform', '', true);

do $$
declare t text;
begin
    foreach t in array array['rpt_recipient', 'rpt_saving', 'rpt_recharge', 'rpt_indicator_reading',
                             'rpt_indicator_latest', 'rpt_review'] loop
        execute format('drop policy %I on read_models.%I', t || '_visible', t);
        execute format('create policy %I on read_models.%I using (concordat_is_platform() or arrangement_id in '
                       '(select r.arrangement_id from read_models.rpt_arrangement_reader r '
                       'where r.reader_id = any (array[concordat_tenant()] || array(select m.region_id '
                       'from region_membership m where m.authority_id = concordat_tenant() and m.left_on is null))))',
                       t || '_visible', t);
    end loop;
end;
$$;
