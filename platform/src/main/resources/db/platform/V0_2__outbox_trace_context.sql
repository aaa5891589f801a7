-- The W3C trace context (traceparent, tracestate) of the request that recorded an event: the relay publishes the
-- event as a span of that trace, so one trace shows a request, its event's publication and the consumers' work.
ALTER TABLE outbox_event ADD COLUMN traceparent TEXT, ADD COLUMN tracestate TEXT;
