-- Why an arrangement ended (ArrangementTerminated), published with its exit date in open data.
alter table rpt_arrangement add column termination_reason text;
