-- Advocacy posts (倡导): an organization speaks to the public or to the sector.
create table advocacy_post (
    id              uuid primary key,
    organization_id uuid          not null,
    audience        varchar(20)   not null,
    title           varchar(200)  not null,
    body            text          not null,
    domains         varchar(40)[] not null default '{}',
    area_codes      varchar(12)[] not null default '{}',
    status          varchar(20)   not null,
    status_reason   text,
    published_by    varchar(200)  not null,
    published_at    timestamptz   not null,
    updated_at      timestamptz   not null,
    version         bigint        not null default 0
);
create index advocacy_published on advocacy_post (status, published_at desc, id);
