-- An event the broker can never take (too large, say) is set aside with the reason, so that it
-- does not hold up the events behind it; readiness reports it until someone deals with it.
alter table outbox_event add column parked_at timestamptz, add column park_reason text;
