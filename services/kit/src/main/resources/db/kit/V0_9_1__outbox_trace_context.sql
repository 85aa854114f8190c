-- The W3C trace context of the request that published the event (traceparent, then tracestate
-- after a newline), carried by the relay into the record's headers; null for events published
-- outside a trace and for every row written before this column.
alter table outbox add column trace_context text;
