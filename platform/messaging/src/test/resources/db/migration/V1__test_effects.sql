-- What the test consumer did: one row per effect, deliberately without a unique key on the
-- event id, so that an effect taken twice shows as two rows.
create table test_effect (
    id       bigint generated always as identity primary key,
    event_id uuid not null,
    need_id  uuid not null
);
create table test_widget (
    id uuid primary key
);
