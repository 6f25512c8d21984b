-- Platform tables every service has: the transactional outbox and the processed-event log.
-- Versioned 0.x so that a service's own migrations start at V1 in db/migration.

create table outbox_event (
    id           uuid primary key,               -- the CloudEvents id: consumers deduplicate on it
    seq          bigint generated always as identity unique, -- publication order
    topic        varchar(200) not null,
    aggregate_id varchar(200) not null,           -- Kafka key and CloudEvents subject
    event_type   varchar(200) not null,
    occurred_at  timestamptz  not null,
    payload      text         not null,
    published_at timestamptz
);
-- The relay only ever looks for unpublished rows in order.
create index outbox_event_unpublished on outbox_event (seq) where published_at is null;

create table processed_event (
    consumer     varchar(200) not null,
    event_id     uuid         not null,
    processed_at timestamptz  not null default now(),
    primary key (consumer, event_id)
);
