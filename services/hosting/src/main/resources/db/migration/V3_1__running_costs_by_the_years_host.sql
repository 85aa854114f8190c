-- A year's running cost belongs to the body that hosted the service that year, not to today's host:
-- each host of a year keeps its own figure, and only a host of that year writes it.
alter table running_cost add column host_authority_id uuid;

-- Row-level security binds this migration's owner too; lifted for the move and put back below.
alter table running_cost no force row level security;
alter table host_period no force row level security;
alter table arrangement no force row level security;

-- Each existing figure was entered as the one running cost of its year: it goes to the body that
-- hosted most of that year (the earlier on a tie), or to the current host when no period falls in it.
update running_cost rc set host_authority_id = coalesce(
    (select p.host_authority_id
       from host_period p
      where p.arrangement_id = rc.arrangement_id
        and p.from_date <= make_date(split_part(rc.financial_year, '/', 1)::int + 1, 3, 31)
        and coalesce(p.to_date, 'infinity'::date) >= make_date(split_part(rc.financial_year, '/', 1)::int, 4, 1)
      order by least(coalesce(p.to_date, 'infinity'::date), make_date(split_part(rc.financial_year, '/', 1)::int + 1, 3, 31))
               - greatest(p.from_date, make_date(split_part(rc.financial_year, '/', 1)::int, 4, 1)) desc,
               p.from_date
      limit 1),
    (select a.host_authority_id from arrangement a where a.id = rc.arrangement_id));

alter table running_cost force row level security;
alter table host_period force row level security;
alter table arrangement force row level security;

alter table running_cost alter column host_authority_id set not null;
alter table running_cost drop constraint running_cost_pkey;
alter table running_cost add primary key (arrangement_id, financial_year, host_authority_id);

-- Was: the current host writes every year. Now: each body writes its own figure, for an arrangement
-- it has hosted (which years it hosted is the domain's rule).
drop policy running_cost_host_writes on running_cost;
create policy running_cost_own on running_cost for all
    using (host_authority_id = concordat_tenant())
    with check (host_authority_id = concordat_tenant()
                and exists (select 1 from host_period p where p.arrangement_id = running_cost.arrangement_id
                                                        and p.host_authority_id = concordat_tenant()));

-- Was: the current host writes every recharge. Now: a recharge is issued by the body that hosted on the
-- first day of its period, the one the year's ledger credits with it; a later host bills none of it.
drop policy recharge_host_writes on recharge;
create policy recharge_issuer_writes on recharge for all
    using (exists (select 1 from host_period p where p.arrangement_id = recharge.arrangement_id
                   and p.host_authority_id = concordat_tenant() and p.from_date <= recharge.period_from
                   and coalesce(p.to_date, 'infinity'::date) >= recharge.period_from))
    with check (exists (select 1 from host_period p where p.arrangement_id = recharge.arrangement_id
                        and p.host_authority_id = concordat_tenant() and p.from_date <= recharge.period_from
                        and coalesce(p.to_date, 'infinity'::date) >= recharge.period_from));
