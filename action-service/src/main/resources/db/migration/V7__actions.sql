-- Actions (行动信息): who does what, where, for whom. Needs and offers may be part of one.
create table action (
    id                uuid primary key,
    organization_id   uuid         not null,
    title             varchar(200) not null,
    description       text,
    domains           varchar(40)[] not null default '{}',
    target_groups     varchar(40)[] not null default '{}',
    area_codes        varchar(12)[] not null,
    starts_on         date,
    ends_on           date,
    status            varchar(20)  not null,
    volunteers_sought integer check (volunteers_sought >= 0),
    contact           varchar(200),
    published_by      varchar(200) not null,
    published_at      timestamptz  not null,
    updated_at        timestamptz  not null,
    version           bigint       not null default 0,
    check (ends_on is null or starts_on is null or ends_on >= starts_on)
);
create index action_published on action (published_at desc, id);
create index action_organization on action (organization_id);
create index action_area_codes on action using gin (area_codes);

alter table need add column action_id uuid references action (id);
alter table offer add column action_id uuid references action (id);
create index need_action on need (action_id) where action_id is not null;
create index offer_action on offer (action_id) where action_id is not null;
