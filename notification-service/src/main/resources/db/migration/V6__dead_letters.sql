-- Every service's dead letters (the records a consumer could never handle, on <service>.<channel>.dlq),
-- kept for the coordinator to read and put back on their topic once the cause is fixed. Unique per
-- record of the dead-letter topic: read twice, kept once.
create table dead_letter (
    id             uuid primary key,
    topic          varchar(255) not null,
    topic_partition int         not null,
    topic_offset   bigint       not null,
    original_topic varchar(255),
    consumer       varchar(255),
    reason         text,
    event_type     varchar(255),
    record_key     text,
    record_value   text,
    headers        text         not null, -- JSON object of header name to value (UTF-8)
    received_at    timestamptz  not null,
    replayed_at    timestamptz,
    replays        int          not null default 0,
    unique (topic, topic_partition, topic_offset)
);
create index dead_letter_recent on dead_letter (received_at desc);
