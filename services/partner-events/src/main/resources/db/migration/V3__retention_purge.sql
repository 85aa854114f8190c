-- The retention purge deletes deliveries by the time of their event, oldest first.
create index delivery_by_event_time on delivery (event_time);
