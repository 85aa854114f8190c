-- A vacancy stops counting as open on the day it closes (filled, withdrawn, or opened as an
-- opportunity), not only when its closing date passes. Existing rows stay open until the rebuild
-- that the new read-model version starts replays their VacancyClosed events.
alter table rpt_vacancy add column closed_on date, add column close_reason text;
