-- A reading's period was free text; it is now a typed period (the shared ReportingPeriod): a
-- financial year '2026/27', a quarter of one '2026/27 Q2' (Q1 is April to June) or a month
-- '2026-09'. The kind and the period's first and last day are kept beside the label, and a reading
-- is one per indicator, recipient and period, however its label was written.
alter table reading
    add column period_kind      text,
    add column period_first_day date,
    add column period_last_day  date,
    add constraint reading_period_typed check (
        (period_kind is null and period_first_day is null and period_last_day is null)
        or (period_kind in ('FINANCIAL_YEAR', 'FINANCIAL_QUARTER', 'MONTH')
            and period_first_day is not null and period_last_day is not null));

-- Reads a label as ReportingPeriod.read does (the same forms, spaces, a lower-case q and
-- '2026/27Q2' or '2026/27-Q2' forgiven, financial years 1990/91 to 2099/00): the kind, first and
-- last day and the label written the one way; no row for text that is not a period. Kept after
-- the migration so that a test holds it to the Java type.
create function hosting_reading_period(label text)
    returns table (kind text, first_day date, last_day date, canonical text)
    language sql immutable as $$
    with t as (select regexp_replace(label, '^\s+|\s+$', '', 'g') as text),
    parsed as (
        select 'FINANCIAL_YEAR' as kind, make_date(y[1]::int, 4, 1) as first_day, 12 as months
        from t, regexp_match(t.text, '^(\d{4})/(\d{2})$') y
        where y[1]::int between 1990 and 2099 and (y[1]::int + 1) % 100 = y[2]::int
        union all
        select 'FINANCIAL_QUARTER', (make_date(y[1]::int, 4, 1) + make_interval(months => 3 * (y[3]::int - 1)))::date, 3
        from t, regexp_match(t.text, '^(\d{4})/(\d{2})[ -]?[Qq]([1-4])$') y
        where y[1]::int between 1990 and 2099 and (y[1]::int + 1) % 100 = y[2]::int
        union all
        select 'MONTH', make_date(m[1]::int, m[2]::int, 1), 1
        from t, regexp_match(t.text, '^(\d{4})-(\d{2})$') m
        where m[1]::int between 1990 and 2100 and m[2]::int between 1 and 12
    ),
    dated as (
        select kind, first_day, (first_day + make_interval(months => months) - interval '1 day')::date as last_day
        from parsed
    )
    select kind, first_day, last_day,
           case kind
               when 'MONTH' then to_char(first_day, 'YYYY-MM')
               else fy || case when kind = 'FINANCIAL_QUARTER'
                               then ' Q' || ((extract(month from first_day)::int + 8) % 12 / 3 + 1) else '' end
           end
    from dated,
         lateral (select extract(year from first_day)::int
                         - case when extract(month from first_day) < 4 then 1 else 0 end as start_year) s,
         lateral (select s.start_year || '/' || lpad(((s.start_year + 1) % 100)::text, 2, '0') as fy) f
    where first_day >= date '1990-04-01' and last_day <= date '2100-03-31'
$$;

-- Existing readings move forward: each whose label is a period gets its kind and days, and its
-- label written the one way. Should two labels name the same period for one indicator and
-- recipient ('2026/27 Q2' and '2026/27 q2'), the one reported last is that period's reading; the
-- others, like every label that is not a period (e.g. '2026-Q1', a calendar or a financial
-- quarter), are kept as they were, with no kind and no dates: nothing is lost, and reports file
-- them by when they were reported.
alter table reading drop constraint reading_pkey;
-- Row-level security binds this migration's owner too: with it forced, the owner sees no reading and
-- the move would type none. Lifted for the move and put back below.
alter table reading no force row level security;
with typed as (
    select r.indicator_id, r.authority_id, r.period, p.kind, p.first_day, p.last_day, p.canonical,
           row_number() over (partition by r.indicator_id, r.authority_id, p.kind, p.first_day
                              order by r.reported_at desc, r.period) as latest
    from reading r cross join lateral hosting_reading_period(r.period) p
)
update reading r
set period_kind = t.kind, period_first_day = t.first_day, period_last_day = t.last_day, period = t.canonical
from typed t
where t.latest = 1 and r.indicator_id = t.indicator_id and r.authority_id = t.authority_id and r.period = t.period;
alter table reading force row level security;

-- A typed reading is unique by its period, whatever its label; labels are unique among the
-- free-text readings only (a label rewritten below may equal one kept as free text).
create unique index reading_free_text_period on reading (indicator_id, authority_id, period) where period_kind is null;
create unique index reading_typed_period on reading (indicator_id, authority_id, period_kind, period_first_day)
    where period_kind is not null;
