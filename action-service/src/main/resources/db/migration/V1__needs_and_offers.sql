create table need (
    id              uuid primary key,
    organization_id uuid          not null,
    category        varchar(20)   not null,
    item            varchar(200)  not null,
    quantity        numeric(14,2) not null check (quantity > 0),
    unit            varchar(20)   not null,
    urgency         varchar(20)   not null,
    area_code       varchar(12)   not null,
    target_group    varchar(100),
    deadline        timestamptz,
    description     text,
    status          varchar(20)   not null,
    status_reason   text,
    posted_by       varchar(200)  not null,
    posted_at       timestamptz   not null,
    updated_at      timestamptz   not null
);
create index need_open on need (status, posted_at desc);

-- Personal data of beneficiaries: a table of its own, never in a public response, a log line
-- or an event. Seen only by the requesting organization (later: the matched provider, the
-- coordinator, with an audit log).
create table need_beneficiary (
    need_id uuid primary key references need (id) on delete cascade,
    name    varchar(100),
    phone   varchar(40),
    address varchar(300)
);

create table offer (
    id              uuid primary key,
    organization_id uuid          not null,
    category        varchar(20)   not null,
    item            varchar(200)  not null,
    quantity        numeric(14,2) not null check (quantity > 0),
    unit            varchar(20)   not null,
    area_code       varchar(12)   not null,
    available_until timestamptz,
    description     text,
    status          varchar(20)   not null,
    posted_by       varchar(200)  not null,
    posted_at       timestamptz   not null,
    updated_at      timestamptz   not null
);
create index offer_open on offer (status, posted_at desc);
