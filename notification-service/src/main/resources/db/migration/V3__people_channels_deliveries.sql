-- The people this service can reach. Learned from their tokens whenever they use the service (the
-- identity provider's subject, e-mail address and name, and whether they coordinate the network),
-- and their own choices (language). Nobody else's personal data is kept here.
create table person (
    subject      varchar(255) primary key,
    email        varchar(320),
    display_name varchar(200),
    language     varchar(5)  not null default 'zh-CN' check (language in ('zh-CN', 'en')),
    coordinator  boolean     not null default false,
    seen_at      timestamptz not null
);

-- An item is for one audience: an organization's members, everyone with a role (the coordinators),
-- or one person (a subscriber). Each reader keeps their own read state (inbox_read); the text is kept
-- in both languages, rendered when the item is made, and the reader's language picks one.
alter table inbox_item alter column recipient_organization_id drop not null;
alter table inbox_item add column recipient_role varchar(40);
alter table inbox_item add column recipient_subject varchar(255);
alter table inbox_item add constraint inbox_item_one_audience check (
    (recipient_organization_id is not null)::int + (recipient_role is not null)::int + (recipient_subject is not null)::int = 1);
alter table inbox_item add column audience text generated always as (coalesce('organization:' || recipient_organization_id::text,
    'role:' || recipient_role, 'person:' || recipient_subject)) stored;
alter table inbox_item drop constraint inbox_item_recipient_organization_id_kind_about_id_key;
alter table inbox_item add constraint inbox_item_once unique (audience, kind, about_id);
-- The order of the live stream (Last-Event-ID): items in the order they were committed is close enough,
-- the stream re-reads a short window behind the last id it sent (see Inbox).
alter table inbox_item add column seq bigserial;
alter table inbox_item add constraint inbox_item_seq unique (seq);
alter table inbox_item add column priority varchar(10) not null default 'NORMAL' check (priority in ('HIGH', 'NORMAL', 'LOW'));
update inbox_item set priority = 'HIGH' where kind in ('MATCH_PROPOSED', 'MATCH_ACCEPTED', 'MATCH_DELIVERED', 'NEED_ESCALATED');
alter table inbox_item rename column title to title_zh;
alter table inbox_item rename column body to body_zh;
alter table inbox_item add column title_en text;
alter table inbox_item add column body_en text;
update inbox_item set title_en = title_zh, body_en = body_zh; -- the first items were written in both languages at once
alter table inbox_item alter column title_en set not null;
alter table inbox_item alter column body_en set not null;
drop index inbox_item_recipient;
create index inbox_item_audience on inbox_item (audience, seq desc);

create table inbox_read (
    subject varchar(255) not null,
    item_id uuid         not null references inbox_item (id) on delete cascade,
    read_at timestamptz  not null,
    primary key (subject, item_id)
);

-- Per person and kind of news, how it reaches them by e-mail: at once, in the daily digest, or not at all.
-- Without a row, the kind's default (high and normal priority at once, low priority in the digest).
create table preference (
    subject    varchar(255) not null,
    kind       varchar(40)  not null,
    email      varchar(10)  not null check (email in ('IMMEDIATE', 'DIGEST', 'OFF')),
    updated_at timestamptz  not null,
    primary key (subject, kind)
);

-- Every send over a channel that leaves the service (e-mail now, webhooks next): once per item,
-- channel and recipient (the unique key), retried with growing pauses until it is sent or the
-- last attempt failed (DEAD). A worker claims a row for a while (claimed_until), so that two
-- instances never send one at the same time, and one that died mid-send is retried by another.
create table delivery (
    id              uuid primary key,
    item_id         uuid         not null references inbox_item (id),
    channel         varchar(10)  not null check (channel in ('EMAIL', 'WEBHOOK')),
    recipient       varchar(255) not null, -- the person's subject (e-mail) or the webhook's id
    status          varchar(10)  not null check (status in ('PENDING', 'DIGEST', 'SENT', 'DEAD', 'SKIPPED')),
    attempts        int          not null default 0,
    next_attempt_at timestamptz  not null,
    claimed_until   timestamptz,
    claimed_by      uuid,         -- the claim: only its holder records the outcome
    last_error      text,
    created_at      timestamptz  not null,
    sent_at         timestamptz,
    unique (item_id, channel, recipient)
);
create index delivery_due on delivery (next_attempt_at) where status = 'PENDING';
create index delivery_digest on delivery (recipient, created_at) where status = 'DIGEST';
create index delivery_recent on delivery (created_at desc);
