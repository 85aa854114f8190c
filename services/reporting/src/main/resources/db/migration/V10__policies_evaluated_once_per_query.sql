-- The same visibility rules, evaluated once per query instead of once per row. concordat_tenant()
-- and concordat_is_platform() are SQL functions that PostgreSQL inlines, so written bare in a
-- policy they read and cast the setting again for every row a scan passes (on a detail table,
-- also for every row of the reader lookup inside it). Wrapped in a scalar sub-select they become
-- InitPlans: computed once when the query starts, then a parameter each row compares against.
-- The tenant's current regions are one array, also computed once, and the lookups into
-- rpt_arrangement_reader use the tenant or that array as their index condition.
-- On a host's arrangements joined to their latest ratings at national scale (infra/bench/run rls)
-- the policies' share of the server's CPU time for that read fell from about 270 to about 80-100
-- microseconds. Who may read which row is unchanged: a null tenant still matches nothing, and the
-- platform still reads everything.
drop policy rpt_arrangement_visible on read_models.rpt_arrangement;
create policy rpt_arrangement_visible on read_models.rpt_arrangement
    using ((select concordat_is_platform())
           or (select concordat_tenant()) = any (party_ids)
           or region_ids && array(select m.region_id from region_membership m
                                  where m.authority_id = concordat_tenant() and m.left_on is null));

drop policy rpt_opportunity_visible on read_models.rpt_opportunity;
create policy rpt_opportunity_visible on read_models.rpt_opportunity
    using ((select concordat_is_platform())
           or authority_id = (select concordat_tenant())
           or (select concordat_tenant()) = any (participant_ids)
           or region_ids && array(select m.region_id from region_membership m
                                  where m.authority_id = concordat_tenant() and m.left_on is null));

drop policy rpt_vacancy_visible on read_models.rpt_vacancy;
create policy rpt_vacancy_visible on read_models.rpt_vacancy
    using ((select concordat_is_platform())
           or authority_id = (select concordat_tenant())
           or concordat_shares_region_with(authority_id));

drop policy rpt_arrangement_reader_visible on read_models.rpt_arrangement_reader;
create policy rpt_arrangement_reader_visible on read_models.rpt_arrangement_reader
    using ((select concordat_is_platform())
           or reader_id = (select concordat_tenant())
           or reader_id = any (array(select m.region_id from region_membership m
                                     where m.authority_id = concordat_tenant() and m.left_on is null)));

-- The tenant's own arrangements and its regions' are two sets, each built (hashed) only when a
-- row needs it: a council reading what it hosts or receives never builds the set of everything
-- shared with its regions, which is most of the cost of a detail policy.
do $$
declare t text;
begin
    foreach t in array array['rpt_recipient', 'rpt_saving', 'rpt_recharge', 'rpt_indicator_reading',
                             'rpt_indicator_latest', 'rpt_review'] loop
        execute format('drop policy %I on read_models.%I', t || '_visible', t);
        execute format('create policy %I on read_models.%I using ((select concordat_is_platform()) '
                       'or arrangement_id in (select r.arrangement_id from read_models.rpt_arrangement_reader r '
                       'where r.reader_id = (select concordat_tenant())) '
                       'or arrangement_id in (select r.arrangement_id from read_models.rpt_arrangement_reader r '
                       'where r.reader_id = any (array(select m.region_id from region_membership m '
                       'where m.authority_id = concordat_tenant() and m.left_on is null))))',
                       t || '_visible', t);
    end loop;
end;
$$;
