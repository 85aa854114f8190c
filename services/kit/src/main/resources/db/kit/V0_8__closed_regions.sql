-- The day a region closed, as this service learnt it from RegionClosed; null while it is open.
-- Nothing new is shared with a closed region; what was shared stays, as history.
alter table known_region add column closed_on date;
