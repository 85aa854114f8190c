-- A rebuild no longer empties the copy of the registered authorities: every service refuses a
-- suspended authority's staff from that copy, and an empty one would serve them until the replay
-- caught up. Replaying the tenants topic over it changes nothing (registrations are upserts, and a
-- status only ever moves to a later one), so the rebuilt copy is the same as an emptied one refilled.
create or replace function reporting_clear_read_models() returns void language plpgsql security definer
    set search_path = public as $$
begin
    truncate rpt_projected_saving, rpt_recommendation, rpt_decision, rpt_opportunity,
             rpt_recipient, rpt_saving, rpt_recharge, rpt_indicator_reading, rpt_indicator_latest, rpt_review,
             rpt_arrangement, rpt_vacancy, known_region, region_membership, processed_event;
end;
$$;
revoke all on function reporting_clear_read_models() from public;
grant execute on function reporting_clear_read_models() to ${app_role};
