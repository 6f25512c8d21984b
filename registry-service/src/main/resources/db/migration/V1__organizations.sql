create table organization (
    id                  uuid primary key,
    name_zh             varchar(200) not null,
    name_en             varchar(200),
    kind                varchar(40)  not null,
    registration_status varchar(20)  not null,
    credit_code         char(18) unique,          -- Unified Social Credit Code (GB 32100-2015)
    service_areas       varchar(12)[] not null default '{}',
    description         text,
    status              varchar(20)  not null,
    status_reason       text,
    created_at          timestamptz  not null,
    updated_at          timestamptz  not null,
    version             integer      not null default 0
);
create index organization_status_name on organization (status, name_zh);

create table organization_member (
    organization_id uuid         not null references organization (id) on delete cascade,
    subject         varchar(200) not null,        -- the identity provider's subject
    role            varchar(20)  not null,
    added_at        timestamptz  not null,
    primary key (organization_id, subject)
);
create index organization_member_subject on organization_member (subject);
