-- Matching reads a council's own vacancies recruiting today, and every vacancy recruiting today in a
-- service area, soonest closing first. Both are index range scans over open vacancies only.
create index vacancy_open_by_authority on vacancy (authority_id, closing_date) where status = 'OPEN';
create index vacancy_open_by_area_closing on vacancy (service_area, closing_date, id) where status = 'OPEN';
