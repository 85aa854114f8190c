-- The read models move to a schema of their own, so that a rebuild can fill a shadow schema of the
-- same shape (read_models_next) from offset 0 while dashboards keep reading the current one, then
-- swap the two in one transaction. The directory copies and processed_event stay in public: the
-- live consumer keeps them, and a rebuild does not touch them. Every session of this database
-- looks in read_models first; a later migration names read_models explicitly.
create schema read_models;
grant usage on schema read_models to ${app_role};

alter table rpt_opportunity set schema read_models;
alter table rpt_projected_saving set schema read_models;
alter table rpt_recommendation set schema read_models;
alter table rpt_decision set schema read_models;
alter table rpt_vacancy set schema read_models;
alter table rpt_arrangement set schema read_models;
alter table rpt_recipient set schema read_models;
alter table rpt_saving set schema read_models;
alter table rpt_recharge set schema read_models;
alter table rpt_indicator_reading set schema read_models;
alter table rpt_indicator_latest set schema read_models;
alter table rpt_review set schema read_models;

do $$
begin
    execute format('alter database %I set search_path = read_models, public', current_database());
end;
$$;

-- Emptying the current read models in place is what made dashboards partial during a rebuild.
drop function reporting_clear_read_models();

-- An empty read_models_next of the current tables' shape: columns, defaults, checks, indexes,
-- foreign keys between them, row-level security and its policies, and grants; and a
-- processed_event of its own for the rebuild's deduplication. The definitions are read with
-- read_models first on the search path, so they name tables without a schema, and made again with
-- read_models_next first.
create function reporting_prepare_shadow() returns void language plpgsql security definer
    set search_path = read_models, public as $$
declare
    t record;
    statements text[] := '{}';
    s text;
begin
    drop schema if exists read_models_next cascade;
    create schema read_models_next;
    execute format('grant usage on schema read_models_next to %I', '${app_role}');
    for t in select c.relname, c.relrowsecurity, c.relforcerowsecurity
             from pg_class c join pg_namespace n on n.oid = c.relnamespace
             where n.nspname = 'read_models' and c.relkind = 'r' loop
        statements := statements || format('create table read_models_next.%I (like read_models.%I including all)',
                                           t.relname, t.relname);
        statements := statements || format('grant select, insert, update, delete on read_models_next.%I to %I',
                                           t.relname, '${app_role}');
        if t.relrowsecurity then
            statements := statements || format('alter table read_models_next.%I enable row level security', t.relname);
        end if;
        if t.relforcerowsecurity then
            statements := statements || format('alter table read_models_next.%I force row level security', t.relname);
        end if;
    end loop;
    for t in select cl.relname, con.conname, pg_get_constraintdef(con.oid) as def
             from pg_constraint con join pg_class cl on cl.oid = con.conrelid join pg_namespace n on n.oid = cl.relnamespace
             where n.nspname = 'read_models' and con.contype = 'f' loop
        statements := statements || format('alter table %I add constraint %I %s', t.relname, t.conname, t.def);
    end loop;
    for t in select tablename, policyname, permissive, cmd, qual, with_check from pg_policies
             where schemaname = 'read_models' loop
        statements := statements || format('create policy %I on %I as %s for %s%s%s', t.policyname, t.tablename,
                                           t.permissive, t.cmd,
                                           coalesce(' using (' || t.qual || ')', ''),
                                           coalesce(' with check (' || t.with_check || ')', ''));
    end loop;
    statements := statements || 'create table read_models_next.processed_event (like public.processed_event including all)'::text;
    statements := statements || format('grant select, insert, update, delete on read_models_next.processed_event to %I',
                                       '${app_role}');
    perform set_config('search_path', 'read_models_next, public', true);
    foreach s in array statements loop
        execute s;
    end loop;
end;
$$;
revoke all on function reporting_prepare_shadow() from public;
grant execute on function reporting_prepare_shadow() to ${app_role};

-- Puts the filled shadow in place of the current read models, in the caller's transaction. It
-- first waits for every reader of the current tables to finish and holds new ones until the
-- caller commits; a held reader then finds the new tables by name, so every answer comes wholly
-- from the old tables or wholly from the new. The old tables stay as read_models_old until the
-- next swap drops them.
create function reporting_swap_read_models() returns void language plpgsql security definer
    set search_path = read_models, public as $$
declare
    t record;
begin
    for t in select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
             where n.nspname = 'read_models' and c.relkind = 'r' order by c.relname loop
        execute format('lock table read_models.%I in access exclusive mode', t.relname);
    end loop;
    drop table read_models_next.processed_event;
    drop schema if exists read_models_old cascade;
    alter schema read_models rename to read_models_old;
    alter schema read_models_next rename to read_models;
end;
$$;
revoke all on function reporting_swap_read_models() from public;
grant execute on function reporting_swap_read_models() to ${app_role};

-- The previous tables, once the swap has committed and their last readers have gone.
create function reporting_drop_old_read_models() returns void language plpgsql security definer
    set search_path = public as $$
begin
    drop schema if exists read_models_old cascade;
end;
$$;
revoke all on function reporting_drop_old_read_models() from public;
grant execute on function reporting_drop_old_read_models() to ${app_role};
