-- Retention prunes by age. Both tables are appended to in time order, so a BRIN index finds the
-- old rows for almost nothing on every insert.
create index processed_event_age on processed_event using brin (processed_at);
create index outbox_event_published on outbox_event using brin (published_at);
