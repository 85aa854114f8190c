-- Indicator readings are filed by the period they report, not by when they were entered: each
-- keeps its period's first and last day (from IndicatorReported, or read from a label that is a
-- period) and the day reports file it under, the period's last day, or for a free-text period
-- the UK day it was reported. Existing rows are filed by the day they were reported, as before,
-- until the rebuild that ReadModels.VERSION 2 starts fills in their periods from the events.
-- Row-level security is forced on both tables and would hide every row from this migration (no
-- tenant is set), so it is lifted for the data move and forced again straight after.
alter table rpt_indicator_reading no force row level security;
alter table rpt_indicator_latest no force row level security;
alter table rpt_indicator_reading
    add column period_first_day date,
    add column period_last_day  date,
    add column filed_on         date;
update rpt_indicator_reading set filed_on = (reported_at at time zone 'Europe/London')::date;
alter table rpt_indicator_reading alter column filed_on set not null;
create index rpt_indicator_reading_filed on rpt_indicator_reading (arrangement_id, filed_on);

-- The latest reading per indicator and recipient is the one of the latest period.
alter table rpt_indicator_latest
    add column period_first_day date,
    add column period_last_day  date,
    add column filed_on         date;
update rpt_indicator_latest set filed_on = (reported_at at time zone 'Europe/London')::date;
alter table rpt_indicator_latest alter column filed_on set not null;
alter table rpt_indicator_reading force row level security;
alter table rpt_indicator_latest force row level security;
